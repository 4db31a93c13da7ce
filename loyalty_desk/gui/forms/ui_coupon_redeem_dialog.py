# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coupon_redeem_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFrame,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)
from . import loyalty_rc

class Ui_CouponRedeemDialog(object):
    def setupUi(self, CouponRedeemDialog):
        if not CouponRedeemDialog.objectName():
            CouponRedeemDialog.setObjectName(u"CouponRedeemDialog")
        CouponRedeemDialog.setMinimumSize(QSize(540, 0))
        self.outer = QVBoxLayout(CouponRedeemDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(CouponRedeemDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.couponsLabel = QLabel(CouponRedeemDialog)
        self.couponsLabel.setObjectName(u"couponsLabel")
        self.couponsLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.couponsLabel, 0, 0, 1, 1)

        self.couponCombo = QComboBox(CouponRedeemDialog)
        self.couponCombo.setObjectName(u"couponCombo")

        self.fields.addWidget(self.couponCombo, 0, 1, 1, 1)

        self.codeLabel = QLabel(CouponRedeemDialog)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.codeLabel, 1, 0, 1, 1)

        self.codeEdit = QLineEdit(CouponRedeemDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)

        self.fields.addWidget(self.codeEdit, 1, 1, 1, 1)

        self.receiptLabel = QLabel(CouponRedeemDialog)
        self.receiptLabel.setObjectName(u"receiptLabel")
        self.receiptLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.receiptLabel, 2, 0, 1, 1)

        self.receiptEdit = QLineEdit(CouponRedeemDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")
        self.receiptEdit.setMaxLength(64)

        self.fields.addWidget(self.receiptEdit, 2, 1, 1, 1)

        self.amountLabel = QLabel(CouponRedeemDialog)
        self.amountLabel.setObjectName(u"amountLabel")
        self.amountLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.amountLabel, 3, 0, 1, 1)

        self.amountEdit = QLineEdit(CouponRedeemDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setProperty(u"role", u"amount")
        self.amountEdit.setMaxLength(16)

        self.fields.addWidget(self.amountEdit, 3, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.conditionLabel = QLabel(CouponRedeemDialog)
        self.conditionLabel.setObjectName(u"conditionLabel")
        self.conditionLabel.setProperty(u"role", u"muted")
        self.conditionLabel.setWordWrap(True)

        self.outer.addWidget(self.conditionLabel)

        self.discountCard = QFrame(CouponRedeemDialog)
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

        self.messageLabel = QLabel(CouponRedeemDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.printButton = QPushButton(CouponRedeemDialog)
        self.printButton.setObjectName(u"printButton")
        icon = QIcon()
        icon.addFile(u":/icons/print.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.printButton.setIcon(icon)
        self.printButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.printButton)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer2)

        self.cancelButton = QPushButton(CouponRedeemDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(CouponRedeemDialog)
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
        self.couponsLabel.setBuddy(self.couponCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.receiptLabel.setBuddy(self.receiptEdit)
        self.amountLabel.setBuddy(self.amountEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.couponCombo, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.receiptEdit)
        QWidget.setTabOrder(self.receiptEdit, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.printButton)

        self.retranslateUi(CouponRedeemDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(CouponRedeemDialog)
    # setupUi

    def retranslateUi(self, CouponRedeemDialog):
        CouponRedeemDialog.setWindowTitle(QCoreApplication.translate("CouponRedeemDialog", u"Use a coupon", None))
        self.couponsLabel.setText(QCoreApplication.translate("CouponRedeemDialog", u"The member's &coupons", None))
        self.codeLabel.setText(QCoreApplication.translate("CouponRedeemDialog", u"Coupon c&ode", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("CouponRedeemDialog", u"Scan the voucher's QR code or type its 20 digits", None))
        self.receiptLabel.setText(QCoreApplication.translate("CouponRedeemDialog", u"&Receipt number", None))
        self.receiptEdit.setPlaceholderText(QCoreApplication.translate("CouponRedeemDialog", u"As printed on the till receipt", None))
        self.amountLabel.setText(QCoreApplication.translate("CouponRedeemDialog", u"Receipt &total (\u00a5)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("CouponRedeemDialog", u"Before the coupon, e.g. 268.00", None))
        self.conditionLabel.setText(QCoreApplication.translate("CouponRedeemDialog", u"Choose or scan a coupon, then enter the receipt.", None))
        self.discountTitle.setText(QCoreApplication.translate("CouponRedeemDialog", u"Discount", None))
        self.printButton.setText(QCoreApplication.translate("CouponRedeemDialog", u"Print voucher", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("CouponRedeemDialog", u"Ctrl+P: print this coupon again, e.g. for a member who lost the paper", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("CouponRedeemDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("CouponRedeemDialog", u"Apply coupon", None))
    # retranslateUi

