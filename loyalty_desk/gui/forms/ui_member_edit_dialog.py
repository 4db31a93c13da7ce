# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_edit_dialog.ui'
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

class Ui_MemberEditDialog(object):
    def setupUi(self, MemberEditDialog):
        if not MemberEditDialog.objectName():
            MemberEditDialog.setObjectName(u"MemberEditDialog")
        MemberEditDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(MemberEditDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.codeLabel = QLabel(MemberEditDialog)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setText(u"")
        self.codeLabel.setProperty(u"role", u"subtitle")

        self.outer.addWidget(self.codeLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.nameLabel = QLabel(MemberEditDialog)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(MemberEditDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(40)

        self.fields.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.birthdayLabel = QLabel(MemberEditDialog)
        self.birthdayLabel.setObjectName(u"birthdayLabel")
        self.birthdayLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.birthdayLabel, 1, 0, 1, 1)

        self.birthdayEdit = QLineEdit(MemberEditDialog)
        self.birthdayEdit.setObjectName(u"birthdayEdit")
        self.birthdayEdit.setMaxLength(10)

        self.fields.addWidget(self.birthdayEdit, 1, 1, 1, 1)

        self.phoneLabel = QLabel(MemberEditDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.phoneLabel, 2, 0, 1, 1)

        self.phoneEdit = QLineEdit(MemberEditDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.fields.addWidget(self.phoneEdit, 2, 1, 1, 1)

        self.pinLabel = QLabel(MemberEditDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinLabel, 3, 0, 1, 1)

        self.pinEdit = QLineEdit(MemberEditDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinEdit, 3, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.hintLabel = QLabel(MemberEditDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setText(u"")
        self.hintLabel.setProperty(u"role", u"hint")
        self.hintLabel.setWordWrap(True)

        self.outer.addWidget(self.hintLabel)

        self.messageLabel = QLabel(MemberEditDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer1)

        self.cancelButton = QPushButton(MemberEditDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(MemberEditDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.birthdayLabel.setBuddy(self.birthdayEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.birthdayEdit)
        QWidget.setTabOrder(self.birthdayEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(MemberEditDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(MemberEditDialog)
    # setupUi

    def retranslateUi(self, MemberEditDialog):
        MemberEditDialog.setWindowTitle(QCoreApplication.translate("MemberEditDialog", u"Edit member", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberEditDialog", u"&Name", None))
        self.birthdayLabel.setText(QCoreApplication.translate("MemberEditDialog", u"&Birthday", None))
        self.birthdayEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"YYYY-MM-DD, or empty", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Mobile &phone", None))
        self.pinLabel.setText(QCoreApplication.translate("MemberEditDialog", u"&Manager PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"A manager approves", None))
        self.cancelButton.setText(QCoreApplication.translate("MemberEditDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("MemberEditDialog", u"Save", None))
    # retranslateUi

