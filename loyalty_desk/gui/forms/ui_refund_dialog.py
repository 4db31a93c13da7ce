# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refund_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_RefundDialog(object):
    def setupUi(self, RefundDialog):
        if not RefundDialog.objectName():
            RefundDialog.setObjectName(u"RefundDialog")
        RefundDialog.setMinimumSize(QSize(720, 0))
        self.outer = QVBoxLayout(RefundDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(RefundDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.receiptsView = QTableView(RefundDialog)
        self.receiptsView.setObjectName(u"receiptsView")
        self.receiptsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.receiptsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.receiptsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receiptsView.setAlternatingRowColors(True)
        self.receiptsView.setShowGrid(False)
        self.receiptsView.setMinimumSize(QSize(0, 150))

        self.outer.addWidget(self.receiptsView)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.receiptLabel = QLabel(RefundDialog)
        self.receiptLabel.setObjectName(u"receiptLabel")
        self.receiptLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.receiptLabel, 0, 0, 1, 1)

        self.receiptEdit = QLineEdit(RefundDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")
        self.receiptEdit.setMaxLength(64)

        self.fields.addWidget(self.receiptEdit, 0, 1, 1, 1)

        self.amountLabel = QLabel(RefundDialog)
        self.amountLabel.setObjectName(u"amountLabel")
        self.amountLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.amountLabel, 1, 0, 1, 1)

        self.amountEdit = QLineEdit(RefundDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setProperty(u"role", u"amount")
        self.amountEdit.setMaxLength(16)

        self.fields.addWidget(self.amountEdit, 1, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.previewCard = QFrame(RefundDialog)
        self.previewCard.setObjectName(u"previewCard")
        self.previewCard.setProperty(u"role", u"card")
        self.previewCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewLayout = QVBoxLayout(self.previewCard)
        self.previewLayout.setSpacing(4)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(16, 16, 16, 16)
        self.previewTitle = QLabel(self.previewCard)
        self.previewTitle.setObjectName(u"previewTitle")
        self.previewTitle.setText(u"")
        self.previewTitle.setProperty(u"role", u"big")

        self.previewLayout.addWidget(self.previewTitle)

        self.previewLabel = QLabel(self.previewCard)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setProperty(u"role", u"muted")
        self.previewLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.previewLabel)


        self.outer.addWidget(self.previewCard)

        self.approval = QGridLayout()
        self.approval.setObjectName(u"approval")
        self.pinLabel = QLabel(RefundDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.approval.addWidget(self.pinLabel, 0, 0, 1, 1)

        self.pinEdit = QLineEdit(RefundDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.approval.addWidget(self.pinEdit, 0, 1, 1, 1)

        self.approval.setColumnStretch(1, 1)

        self.outer.addLayout(self.approval)

        self.messageLabel = QLabel(RefundDialog)
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

        self.cancelButton = QPushButton(RefundDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(RefundDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        icon = QIcon()
        icon.addFile(u":/icons/refund-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.confirmButton.setIcon(icon)
        self.confirmButton.setIconSize(QSize(22, 22))
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.receiptLabel.setBuddy(self.receiptEdit)
        self.amountLabel.setBuddy(self.amountEdit)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receiptEdit, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.receiptsView)

        self.retranslateUi(RefundDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(RefundDialog)
    # setupUi

    def retranslateUi(self, RefundDialog):
        RefundDialog.setWindowTitle(QCoreApplication.translate("RefundDialog", u"Refund a receipt", None))
        self.receiptLabel.setText(QCoreApplication.translate("RefundDialog", u"&Receipt number", None))
        self.receiptEdit.setPlaceholderText(QCoreApplication.translate("RefundDialog", u"Type it, or pick the receipt above", None))
        self.amountLabel.setText(QCoreApplication.translate("RefundDialog", u"Refund &amount (\u00a5)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("RefundDialog", u"Empty: everything not yet refunded", None))
        self.previewLabel.setText(QCoreApplication.translate("RefundDialog", u"Enter the receipt number to see what the refund does to the member's points.", None))
        self.pinLabel.setText(QCoreApplication.translate("RefundDialog", u"&Manager PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("RefundDialog", u"A manager approves", None))
        self.cancelButton.setText(QCoreApplication.translate("RefundDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("RefundDialog", u"Refund", None))
    # retranslateUi

