# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checkout.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableView, QToolButton, QVBoxLayout, QWidget)

from loyalty_desk.gui.member_panel import MemberPanel
from loyalty_desk.gui.widgets import ScanLineEdit
from . import loyalty_rc

class Ui_CheckoutPage(object):
    def setupUi(self, CheckoutPage):
        if not CheckoutPage.objectName():
            CheckoutPage.setObjectName(u"CheckoutPage")
        self.outer = QHBoxLayout(CheckoutPage)
        self.outer.setSpacing(16)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(16, 16, 16, 16)
        self.searchColumn = QVBoxLayout()
        self.searchColumn.setSpacing(8)
        self.searchColumn.setObjectName(u"searchColumn")
        self.searchRow = QHBoxLayout()
        self.searchRow.setSpacing(8)
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = ScanLineEdit(CheckoutPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setProperty(u"role", u"search")
        self.searchEdit.setMaxLength(64)
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.cameraButton = QToolButton(CheckoutPage)
        self.cameraButton.setObjectName(u"cameraButton")
        icon = QIcon()
        icon.addFile(u":/icons/camera.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.cameraButton.setIcon(icon)
        self.cameraButton.setIconSize(QSize(24, 24))
        self.cameraButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.cameraButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cameraButton.setMinimumSize(QSize(44, 44))

        self.searchRow.addWidget(self.cameraButton)


        self.searchColumn.addLayout(self.searchRow)

        self.searchHint = QLabel(CheckoutPage)
        self.searchHint.setObjectName(u"searchHint")
        self.searchHint.setProperty(u"role", u"hint")

        self.searchColumn.addWidget(self.searchHint)

        self.resultsView = QTableView(CheckoutPage)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setProperty(u"role", u"results")
        self.resultsView.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setShowGrid(False)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.setWordWrap(False)

        self.searchColumn.addWidget(self.resultsView)

        self.messageLabel = QLabel(CheckoutPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.searchColumn.addWidget(self.messageLabel)


        self.outer.addLayout(self.searchColumn)

        self.memberColumn = QVBoxLayout()
        self.memberColumn.setSpacing(10)
        self.memberColumn.setObjectName(u"memberColumn")
        self.memberPanel = MemberPanel(CheckoutPage)
        self.memberPanel.setObjectName(u"memberPanel")

        self.memberColumn.addWidget(self.memberPanel)

        self.actionsGrid = QGridLayout()
        self.actionsGrid.setSpacing(8)
        self.actionsGrid.setObjectName(u"actionsGrid")
        self.awardButton = QPushButton(CheckoutPage)
        self.awardButton.setObjectName(u"awardButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/award-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.awardButton.setIcon(icon1)
        self.awardButton.setIconSize(QSize(22, 22))
        self.awardButton.setProperty(u"role", u"primary")
        self.awardButton.setAutoDefault(False)
        self.awardButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.awardButton, 0, 0, 1, 1)

        self.redeemButton = QPushButton(CheckoutPage)
        self.redeemButton.setObjectName(u"redeemButton")
        icon2 = QIcon()
        icon2.addFile(u":/icons/redeem.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.redeemButton.setIcon(icon2)
        self.redeemButton.setIconSize(QSize(22, 22))
        self.redeemButton.setProperty(u"role", u"action")
        self.redeemButton.setAutoDefault(False)
        self.redeemButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.redeemButton, 0, 1, 1, 1)

        self.refundButton = QPushButton(CheckoutPage)
        self.refundButton.setObjectName(u"refundButton")
        icon3 = QIcon()
        icon3.addFile(u":/icons/refund.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.refundButton.setIcon(icon3)
        self.refundButton.setIconSize(QSize(22, 22))
        self.refundButton.setProperty(u"role", u"action")
        self.refundButton.setAutoDefault(False)
        self.refundButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.refundButton, 0, 2, 1, 1)

        self.enrolButton = QPushButton(CheckoutPage)
        self.enrolButton.setObjectName(u"enrolButton")
        icon4 = QIcon()
        icon4.addFile(u":/icons/enrol.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.enrolButton.setIcon(icon4)
        self.enrolButton.setIconSize(QSize(22, 22))
        self.enrolButton.setProperty(u"role", u"action")
        self.enrolButton.setAutoDefault(False)
        self.enrolButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.enrolButton, 1, 0, 1, 1)

        self.historyButton = QPushButton(CheckoutPage)
        self.historyButton.setObjectName(u"historyButton")
        icon5 = QIcon()
        icon5.addFile(u":/icons/history.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.historyButton.setIcon(icon5)
        self.historyButton.setIconSize(QSize(22, 22))
        self.historyButton.setProperty(u"role", u"action")
        self.historyButton.setAutoDefault(False)
        self.historyButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.historyButton, 1, 1, 1, 1)

        self.editButton = QPushButton(CheckoutPage)
        self.editButton.setObjectName(u"editButton")
        icon6 = QIcon()
        icon6.addFile(u":/icons/edit.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.editButton.setIcon(icon6)
        self.editButton.setIconSize(QSize(22, 22))
        self.editButton.setProperty(u"role", u"action")
        self.editButton.setAutoDefault(False)
        self.editButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.editButton, 1, 2, 1, 1)

        self.adjustButton = QPushButton(CheckoutPage)
        self.adjustButton.setObjectName(u"adjustButton")
        icon7 = QIcon()
        icon7.addFile(u":/icons/adjust.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.adjustButton.setIcon(icon7)
        self.adjustButton.setIconSize(QSize(22, 22))
        self.adjustButton.setProperty(u"role", u"action")
        self.adjustButton.setAutoDefault(False)
        self.adjustButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.adjustButton, 2, 0, 1, 1)

        self.issueCouponButton = QPushButton(CheckoutPage)
        self.issueCouponButton.setObjectName(u"issueCouponButton")
        icon8 = QIcon()
        icon8.addFile(u":/icons/coupon.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.issueCouponButton.setIcon(icon8)
        self.issueCouponButton.setIconSize(QSize(22, 22))
        self.issueCouponButton.setProperty(u"role", u"action")
        self.issueCouponButton.setAutoDefault(False)
        self.issueCouponButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.issueCouponButton, 2, 1, 1, 1)

        self.couponBatchButton = QPushButton(CheckoutPage)
        self.couponBatchButton.setObjectName(u"couponBatchButton")
        self.couponBatchButton.setIcon(icon8)
        self.couponBatchButton.setIconSize(QSize(22, 22))
        self.couponBatchButton.setProperty(u"role", u"action")
        self.couponBatchButton.setAutoDefault(False)
        self.couponBatchButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.couponBatchButton, 2, 2, 1, 1)

        self.couponButton = QPushButton(CheckoutPage)
        self.couponButton.setObjectName(u"couponButton")
        self.couponButton.setIcon(icon8)
        self.couponButton.setIconSize(QSize(22, 22))
        self.couponButton.setProperty(u"role", u"action")
        self.couponButton.setAutoDefault(False)
        self.couponButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.couponButton, 3, 0, 1, 1)

        self.printSlipButton = QPushButton(CheckoutPage)
        self.printSlipButton.setObjectName(u"printSlipButton")
        icon9 = QIcon()
        icon9.addFile(u":/icons/print.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.printSlipButton.setIcon(icon9)
        self.printSlipButton.setIconSize(QSize(22, 22))
        self.printSlipButton.setProperty(u"role", u"action")
        self.printSlipButton.setAutoDefault(False)
        self.printSlipButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.printSlipButton, 3, 1, 1, 1)

        self.printCardButton = QPushButton(CheckoutPage)
        self.printCardButton.setObjectName(u"printCardButton")
        self.printCardButton.setIcon(icon9)
        self.printCardButton.setIconSize(QSize(22, 22))
        self.printCardButton.setProperty(u"role", u"action")
        self.printCardButton.setAutoDefault(False)
        self.printCardButton.setMinimumSize(QSize(0, 48))

        self.actionsGrid.addWidget(self.printCardButton, 3, 2, 1, 1)


        self.memberColumn.addLayout(self.actionsGrid)


        self.outer.addLayout(self.memberColumn)

        self.outer.setStretch(0, 1)
        self.outer.setStretch(1, 1)

        self.retranslateUi(CheckoutPage)

        QMetaObject.connectSlotsByName(CheckoutPage)
    # setupUi

    def retranslateUi(self, CheckoutPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CheckoutPage", u"Phone, last 4 digits, or scan", None))
        self.cameraButton.setText(QCoreApplication.translate("CheckoutPage", u"Camera", None))
        self.searchHint.setText(QCoreApplication.translate("CheckoutPage", u"F2 search \u00b7 \u2191\u2193 choose \u00b7 Enter open \u00b7 Esc clear", None))
        self.awardButton.setText(QCoreApplication.translate("CheckoutPage", u"Award points  F3", None))
#if QT_CONFIG(tooltip)
        self.awardButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F3", None))
#endif // QT_CONFIG(tooltip)
        self.redeemButton.setText(QCoreApplication.translate("CheckoutPage", u"Redeem  F4", None))
#if QT_CONFIG(tooltip)
        self.redeemButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F4", None))
#endif // QT_CONFIG(tooltip)
        self.refundButton.setText(QCoreApplication.translate("CheckoutPage", u"Refund  F6", None))
#if QT_CONFIG(tooltip)
        self.refundButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F6", None))
#endif // QT_CONFIG(tooltip)
        self.enrolButton.setText(QCoreApplication.translate("CheckoutPage", u"Enrol  F5", None))
#if QT_CONFIG(tooltip)
        self.enrolButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F5", None))
#endif // QT_CONFIG(tooltip)
        self.historyButton.setText(QCoreApplication.translate("CheckoutPage", u"History  F7", None))
#if QT_CONFIG(tooltip)
        self.historyButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F7", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("CheckoutPage", u"Edit  F9", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F9", None))
#endif // QT_CONFIG(tooltip)
        self.adjustButton.setText(QCoreApplication.translate("CheckoutPage", u"Adjust  F8", None))
#if QT_CONFIG(tooltip)
        self.adjustButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F8", None))
#endif // QT_CONFIG(tooltip)
        self.issueCouponButton.setText(QCoreApplication.translate("CheckoutPage", u"Give coupon  F10", None))
#if QT_CONFIG(tooltip)
        self.issueCouponButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F10: give this member a coupon (manager)", None))
#endif // QT_CONFIG(tooltip)
        self.couponBatchButton.setText(QCoreApplication.translate("CheckoutPage", u"Coupon batch  F11", None))
#if QT_CONFIG(tooltip)
        self.couponBatchButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F11: coupons for a whole segment, printed as one PDF (manager)", None))
#endif // QT_CONFIG(tooltip)
        self.couponButton.setText(QCoreApplication.translate("CheckoutPage", u"Use coupon  F12", None))
#if QT_CONFIG(tooltip)
        self.couponButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"F12: apply one of the member's coupons, or scan one at any time", None))
#endif // QT_CONFIG(tooltip)
        self.printSlipButton.setText(QCoreApplication.translate("CheckoutPage", u"Print slip  Ctrl+P", None))
#if QT_CONFIG(tooltip)
        self.printSlipButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"Ctrl+P: the points slip of the member's last purchase", None))
#endif // QT_CONFIG(tooltip)
        self.printCardButton.setText(QCoreApplication.translate("CheckoutPage", u"Member card  Ctrl+K", None))
#if QT_CONFIG(tooltip)
        self.printCardButton.setToolTip(QCoreApplication.translate("CheckoutPage", u"Ctrl+K: print the member card with its QR code", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

