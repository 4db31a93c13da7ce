# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coupon_issue_dialog.ui'
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

class Ui_CouponIssueDialog(object):
    def setupUi(self, CouponIssueDialog):
        if not CouponIssueDialog.objectName():
            CouponIssueDialog.setObjectName(u"CouponIssueDialog")
        CouponIssueDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(CouponIssueDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(CouponIssueDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.kindLabel = QLabel(CouponIssueDialog)
        self.kindLabel.setObjectName(u"kindLabel")
        self.kindLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(CouponIssueDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fields.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.pinLabel = QLabel(CouponIssueDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinLabel, 1, 0, 1, 1)

        self.pinEdit = QLineEdit(CouponIssueDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinEdit, 1, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.termsLabel = QLabel(CouponIssueDialog)
        self.termsLabel.setObjectName(u"termsLabel")
        self.termsLabel.setText(u"")
        self.termsLabel.setProperty(u"role", u"subtitle")
        self.termsLabel.setWordWrap(True)

        self.outer.addWidget(self.termsLabel)

        self.messageLabel = QLabel(CouponIssueDialog)
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

        self.cancelButton = QPushButton(CouponIssueDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(CouponIssueDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(CouponIssueDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(CouponIssueDialog)
    # setupUi

    def retranslateUi(self, CouponIssueDialog):
        CouponIssueDialog.setWindowTitle(QCoreApplication.translate("CouponIssueDialog", u"Give a coupon", None))
        self.kindLabel.setText(QCoreApplication.translate("CouponIssueDialog", u"Coupon &kind", None))
        self.pinLabel.setText(QCoreApplication.translate("CouponIssueDialog", u"&Manager PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("CouponIssueDialog", u"Your PIN", None))
        self.cancelButton.setText(QCoreApplication.translate("CouponIssueDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("CouponIssueDialog", u"Give coupon", None))
    # retranslateUi

