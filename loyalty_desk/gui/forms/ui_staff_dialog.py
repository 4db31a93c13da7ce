# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_StaffDialog(object):
    def setupUi(self, StaffDialog):
        if not StaffDialog.objectName():
            StaffDialog.setObjectName(u"StaffDialog")
        StaffDialog.setMinimumSize(QSize(480, 0))
        self.outer = QVBoxLayout(StaffDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.titleLabel = QLabel(StaffDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setProperty(u"role", u"title")

        self.outer.addWidget(self.titleLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.nameLabel = QLabel(StaffDialog)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(StaffDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(40)

        self.fields.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.roleLabel = QLabel(StaffDialog)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.roleLabel, 1, 0, 1, 1)

        self.roleCombo = QComboBox(StaffDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.fields.addWidget(self.roleCombo, 1, 1, 1, 1)

        self.pinLabel = QLabel(StaffDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinLabel, 2, 0, 1, 1)

        self.pinEdit = QLineEdit(StaffDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinEdit, 2, 1, 1, 1)

        self.pinAgainLabel = QLabel(StaffDialog)
        self.pinAgainLabel.setObjectName(u"pinAgainLabel")
        self.pinAgainLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinAgainLabel, 3, 0, 1, 1)

        self.pinAgainEdit = QLineEdit(StaffDialog)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setProperty(u"role", u"pin")
        self.pinAgainEdit.setMaxLength(12)
        self.pinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinAgainEdit, 3, 1, 1, 1)

        self.managerPinLabel = QLabel(StaffDialog)
        self.managerPinLabel.setObjectName(u"managerPinLabel")
        self.managerPinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.managerPinLabel, 4, 0, 1, 1)

        self.managerPinEdit = QLineEdit(StaffDialog)
        self.managerPinEdit.setObjectName(u"managerPinEdit")
        self.managerPinEdit.setProperty(u"role", u"pin")
        self.managerPinEdit.setMaxLength(12)
        self.managerPinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.managerPinEdit, 4, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.messageLabel = QLabel(StaffDialog)
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

        self.cancelButton = QPushButton(StaffDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(StaffDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.pinLabel.setBuddy(self.pinEdit)
        self.pinAgainLabel.setBuddy(self.pinAgainEdit)
        self.managerPinLabel.setBuddy(self.managerPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.pinAgainEdit)
        QWidget.setTabOrder(self.pinAgainEdit, self.managerPinEdit)
        QWidget.setTabOrder(self.managerPinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(StaffDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(StaffDialog)
    # setupUi

    def retranslateUi(self, StaffDialog):
        StaffDialog.setWindowTitle(QCoreApplication.translate("StaffDialog", u"Staff account", None))
        self.nameLabel.setText(QCoreApplication.translate("StaffDialog", u"&Name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"As they will pick it when signing in", None))
        self.roleLabel.setText(QCoreApplication.translate("StaffDialog", u"&Role", None))
        self.pinLabel.setText(QCoreApplication.translate("StaffDialog", u"New &PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"4 to 12 digits", None))
        self.pinAgainLabel.setText(QCoreApplication.translate("StaffDialog", u"PIN &again", None))
        self.pinAgainEdit.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"The same PIN once more", None))
        self.managerPinLabel.setText(QCoreApplication.translate("StaffDialog", u"&Your manager PIN", None))
        self.managerPinEdit.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"Your PIN", None))
        self.cancelButton.setText(QCoreApplication.translate("StaffDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("StaffDialog", u"Save", None))
    # retranslateUi

