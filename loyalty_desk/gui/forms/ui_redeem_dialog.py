# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'redeem_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)
from . import loyalty_rc

class Ui_RedeemDialog(object):
    def setupUi(self, RedeemDialog):
        if not RedeemDialog.objectName():
            RedeemDialog.setObjectName(u"RedeemDialog")
        RedeemDialog.setMinimumSize(QSize(540, 0))
        self.outer = QVBoxLayout(RedeemDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(RedeemDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.receiptLabel = QLabel(RedeemDialog)
        self.receiptLabel.setObjectName(u"receiptLabel")
        self.receiptLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.receiptLabel, 0, 0, 1, 1)

        self.receiptEdit = QLineEdit(RedeemDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")
        self.receiptEdit.setMaxLength(64)

        self.fields.addWidget(self.receiptEdit, 0, 1, 1, 1)

        self.amountLabel = QLabel(RedeemDialog)
        self.amountLabel.setObjectName(u"amountLabel")
        self.amountLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.amountLabel, 1, 0, 1, 1)

        self.amountEdit = QLineEdit(RedeemDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setProperty(u"role", u"amount")
        self.amountEdit.setMaxLength(16)

        self.fields.addWidget(self.amountEdit, 1, 1, 1, 1)

        self.pointsLabel = QLabel(RedeemDialog)
        self.pointsLabel.setObjectName(u"pointsLabel")
        self.pointsLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pointsLabel, 2, 0, 1, 1)

        self.pointsRow = QHBoxLayout()
        self.pointsRow.setSpacing(8)
        self.pointsRow.setObjectName(u"pointsRow")
        self.pointsSpin = QSpinBox(RedeemDialog)
        self.pointsSpin.setObjectName(u"pointsSpin")
        self.pointsSpin.setProperty(u"role", u"amount")
        self.pointsSpin.setMaximum(0)
        self.pointsSpin.setSingleStep(100)
        self.pointsSpin.setMinimumSize(QSize(160, 0))
        self.pointsSpin.setEnabled(False)

        self.pointsRow.addWidget(self.pointsSpin)

        self.maxButton = QPushButton(RedeemDialog)
        self.maxButton.setObjectName(u"maxButton")
        self.maxButton.setAutoDefault(False)
        self.maxButton.setEnabled(False)

        self.pointsRow.addWidget(self.maxButton)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pointsRow.addItem(self.spacer1)


        self.fields.addLayout(self.pointsRow, 2, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.limitsLabel = QLabel(RedeemDialog)
        self.limitsLabel.setObjectName(u"limitsLabel")
        self.limitsLabel.setProperty(u"role", u"muted")
        self.limitsLabel.setWordWrap(True)

        self.outer.addWidget(self.limitsLabel)

        self.discountCard = QFrame(RedeemDialog)
        self.discountCard.setObjectName(u"discountCard")
        self.discountCard.setProperty(u"role", u"card")
        self.discountCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.discountLayout = QVBoxLayout(self.discountCard)
        self.discountLayout.setSpacing(2)
        self.discountLayout.setObjectName(u"discountLayout")
        self.discountLayout.setContentsMargins(16, 16, 16, 16)
        self.discountTitle = QLabel(self.discountCard)
        self.discountTitle.setObjectName(u"discountTitle")
        self.discountTitle.setProperty(u"role", u"field")

        self.discountLayout.addWidget(self.discountTitle)

        self.discountLabel = QLabel(self.discountCard)
        self.discountLabel.setObjectName(u"discountLabel")
        self.discountLabel.setText(u"\u00a50.00")
        self.discountLabel.setProperty(u"role", u"discount")

        self.discountLayout.addWidget(self.discountLabel)

        self.afterLabel = QLabel(self.discountCard)
        self.afterLabel.setObjectName(u"afterLabel")
        self.afterLabel.setText(u"")
        self.afterLabel.setProperty(u"role", u"muted")

        self.discountLayout.addWidget(self.afterLabel)


        self.outer.addWidget(self.discountCard)

        self.messageLabel = QLabel(RedeemDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.couponButton = QPushButton(RedeemDialog)
        self.couponButton.setObjectName(u"couponButton")
        icon = QIcon()
        icon.addFile(u":/icons/coupon.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.couponButton.setIcon(icon)
        self.couponButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.couponButton)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer2)

        self.cancelButton = QPushButton(RedeemDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(RedeemDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/redeem-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.confirmButton.setIcon(icon1)
        self.confirmButton.setIconSize(QSize(22, 22))
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.receiptLabel.setBuddy(self.receiptEdit)
        self.amountLabel.setBuddy(self.amountEdit)
        self.pointsLabel.setBuddy(self.pointsSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receiptEdit, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.pointsSpin)
        QWidget.setTabOrder(self.pointsSpin, self.maxButton)
        QWidget.setTabOrder(self.maxButton, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.couponButton)

        self.retranslateUi(RedeemDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(RedeemDialog)
    # setupUi

    def retranslateUi(self, RedeemDialog):
        RedeemDialog.setWindowTitle(QCoreApplication.translate("RedeemDialog", u"Redeem points", None))
        self.receiptLabel.setText(QCoreApplication.translate("RedeemDialog", u"&Receipt number", None))
        self.receiptEdit.setPlaceholderText(QCoreApplication.translate("RedeemDialog", u"As printed on the till receipt", None))
        self.amountLabel.setText(QCoreApplication.translate("RedeemDialog", u"Receipt &total (\u00a5)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("RedeemDialog", u"Before points, e.g. 268.00", None))
        self.pointsLabel.setText(QCoreApplication.translate("RedeemDialog", u"&Points to use", None))
        self.maxButton.setText(QCoreApplication.translate("RedeemDialog", u"Use the most", None))
#if QT_CONFIG(tooltip)
        self.maxButton.setToolTip(QCoreApplication.translate("RedeemDialog", u"Ctrl+M", None))
#endif // QT_CONFIG(tooltip)
        self.limitsLabel.setText(QCoreApplication.translate("RedeemDialog", u"Enter the receipt total to see how many points it allows.", None))
        self.discountTitle.setText(QCoreApplication.translate("RedeemDialog", u"Discount", None))
        self.couponButton.setText(QCoreApplication.translate("RedeemDialog", u"Use a coupon  F12", None))
#if QT_CONFIG(tooltip)
        self.couponButton.setToolTip(QCoreApplication.translate("RedeemDialog", u"F12: use one of the member's coupons on this receipt instead of points", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("RedeemDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("RedeemDialog", u"Redeem", None))
    # retranslateUi

