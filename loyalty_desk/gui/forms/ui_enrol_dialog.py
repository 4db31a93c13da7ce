# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'enrol_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_EnrolDialog(object):
    def setupUi(self, EnrolDialog):
        if not EnrolDialog.objectName():
            EnrolDialog.setObjectName(u"EnrolDialog")
        EnrolDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(EnrolDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.titleLabel = QLabel(EnrolDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.outer.addWidget(self.titleLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(6)
        self.fields.setObjectName(u"fields")
        self.phoneLabel = QLabel(EnrolDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.phoneLabel, 0, 0, 1, 1)

        self.phoneEdit = QLineEdit(EnrolDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setProperty(u"role", u"amount")
        self.phoneEdit.setMaxLength(20)

        self.fields.addWidget(self.phoneEdit, 0, 1, 1, 1)

        self.phoneGap = QWidget(EnrolDialog)
        self.phoneGap.setObjectName(u"phoneGap")

        self.fields.addWidget(self.phoneGap, 1, 0, 1, 1)

        self.phoneHint = QLabel(EnrolDialog)
        self.phoneHint.setObjectName(u"phoneHint")
        self.phoneHint.setText(u"")
        self.phoneHint.setProperty(u"role", u"hint")
        self.phoneHint.setWordWrap(True)

        self.fields.addWidget(self.phoneHint, 1, 1, 1, 1)

        self.nameLabel = QLabel(EnrolDialog)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.nameLabel, 2, 0, 1, 1)

        self.nameEdit = QLineEdit(EnrolDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(40)

        self.fields.addWidget(self.nameEdit, 2, 1, 1, 1)

        self.nameGap = QWidget(EnrolDialog)
        self.nameGap.setObjectName(u"nameGap")

        self.fields.addWidget(self.nameGap, 3, 0, 1, 1)

        self.nameHint = QLabel(EnrolDialog)
        self.nameHint.setObjectName(u"nameHint")
        self.nameHint.setText(u"")
        self.nameHint.setProperty(u"role", u"hint")
        self.nameHint.setWordWrap(True)

        self.fields.addWidget(self.nameHint, 3, 1, 1, 1)

        self.birthdayLabel = QLabel(EnrolDialog)
        self.birthdayLabel.setObjectName(u"birthdayLabel")
        self.birthdayLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.birthdayLabel, 4, 0, 1, 1)

        self.birthdayEdit = QLineEdit(EnrolDialog)
        self.birthdayEdit.setObjectName(u"birthdayEdit")
        self.birthdayEdit.setMaxLength(10)

        self.fields.addWidget(self.birthdayEdit, 4, 1, 1, 1)

        self.birthdayGap = QWidget(EnrolDialog)
        self.birthdayGap.setObjectName(u"birthdayGap")

        self.fields.addWidget(self.birthdayGap, 5, 0, 1, 1)

        self.birthdayHint = QLabel(EnrolDialog)
        self.birthdayHint.setObjectName(u"birthdayHint")
        self.birthdayHint.setText(u"")
        self.birthdayHint.setProperty(u"role", u"hint")
        self.birthdayHint.setWordWrap(True)

        self.fields.addWidget(self.birthdayHint, 5, 1, 1, 1)

        self.referrerLabel = QLabel(EnrolDialog)
        self.referrerLabel.setObjectName(u"referrerLabel")
        self.referrerLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.referrerLabel, 6, 0, 1, 1)

        self.referrerEdit = QLineEdit(EnrolDialog)
        self.referrerEdit.setObjectName(u"referrerEdit")
        self.referrerEdit.setMaxLength(8)

        self.fields.addWidget(self.referrerEdit, 6, 1, 1, 1)

        self.referrerGap = QWidget(EnrolDialog)
        self.referrerGap.setObjectName(u"referrerGap")

        self.fields.addWidget(self.referrerGap, 7, 0, 1, 1)

        self.referrerHint = QLabel(EnrolDialog)
        self.referrerHint.setObjectName(u"referrerHint")
        self.referrerHint.setText(u"")
        self.referrerHint.setProperty(u"role", u"hint")
        self.referrerHint.setWordWrap(True)

        self.fields.addWidget(self.referrerHint, 7, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.messageLabel = QLabel(EnrolDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.openExistingButton = QPushButton(EnrolDialog)
        self.openExistingButton.setObjectName(u"openExistingButton")
        self.openExistingButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.openExistingButton)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer1)

        self.cancelButton = QPushButton(EnrolDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(EnrolDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        icon = QIcon()
        icon.addFile(u":/icons/enrol-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.confirmButton.setIcon(icon)
        self.confirmButton.setIconSize(QSize(22, 22))
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.birthdayLabel.setBuddy(self.birthdayEdit)
        self.referrerLabel.setBuddy(self.referrerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.phoneEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.birthdayEdit)
        QWidget.setTabOrder(self.birthdayEdit, self.referrerEdit)
        QWidget.setTabOrder(self.referrerEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(EnrolDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(EnrolDialog)
    # setupUi

    def retranslateUi(self, EnrolDialog):
        EnrolDialog.setWindowTitle(QCoreApplication.translate("EnrolDialog", u"Enrol a member", None))
        self.titleLabel.setText(QCoreApplication.translate("EnrolDialog", u"New member", None))
        self.phoneLabel.setText(QCoreApplication.translate("EnrolDialog", u"&Mobile phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("EnrolDialog", u"11 digits, e.g. 13812345678", None))
        self.nameLabel.setText(QCoreApplication.translate("EnrolDialog", u"&Name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("EnrolDialog", u"As the member wants to be greeted", None))
        self.birthdayLabel.setText(QCoreApplication.translate("EnrolDialog", u"&Birthday", None))
        self.birthdayEdit.setPlaceholderText(QCoreApplication.translate("EnrolDialog", u"Optional, YYYY-MM-DD", None))
        self.referrerLabel.setText(QCoreApplication.translate("EnrolDialog", u"&Referral code", None))
        self.referrerEdit.setPlaceholderText(QCoreApplication.translate("EnrolDialog", u"Optional: the referring member's 8-digit code", None))
        self.openExistingButton.setText(QCoreApplication.translate("EnrolDialog", u"Open that member", None))
        self.cancelButton.setText(QCoreApplication.translate("EnrolDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("EnrolDialog", u"Enrol", None))
    # retranslateUi

