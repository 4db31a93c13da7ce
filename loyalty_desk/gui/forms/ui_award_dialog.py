# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'award_dialog.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_AwardDialog(object):
    def setupUi(self, AwardDialog):
        if not AwardDialog.objectName():
            AwardDialog.setObjectName(u"AwardDialog")
        AwardDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(AwardDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(AwardDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.receiptLabel = QLabel(AwardDialog)
        self.receiptLabel.setObjectName(u"receiptLabel")
        self.receiptLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.receiptLabel, 0, 0, 1, 1)

        self.receiptEdit = QLineEdit(AwardDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")
        self.receiptEdit.setMaxLength(64)

        self.fields.addWidget(self.receiptEdit, 0, 1, 1, 1)

        self.amountLabel = QLabel(AwardDialog)
        self.amountLabel.setObjectName(u"amountLabel")
        self.amountLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.amountLabel, 1, 0, 1, 1)

        self.amountEdit = QLineEdit(AwardDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setProperty(u"role", u"amount")
        self.amountEdit.setMaxLength(16)

        self.fields.addWidget(self.amountEdit, 1, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.previewCard = QFrame(AwardDialog)
        self.previewCard.setObjectName(u"previewCard")
        self.previewCard.setProperty(u"role", u"card")
        self.previewCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewLayout = QVBoxLayout(self.previewCard)
        self.previewLayout.setSpacing(4)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(16, 16, 16, 16)
        self.pointsLabel = QLabel(self.previewCard)
        self.pointsLabel.setObjectName(u"pointsLabel")
        self.pointsLabel.setText(u"")
        self.pointsLabel.setProperty(u"role", u"big")

        self.previewLayout.addWidget(self.pointsLabel)

        self.breakdownLabel = QLabel(self.previewCard)
        self.breakdownLabel.setObjectName(u"breakdownLabel")
        self.breakdownLabel.setProperty(u"role", u"muted")
        self.breakdownLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.breakdownLabel)


        self.outer.addWidget(self.previewCard)

        self.messageLabel = QLabel(AwardDialog)
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

        self.cancelButton = QPushButton(AwardDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(AwardDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        icon = QIcon()
        icon.addFile(u":/icons/award-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.confirmButton.setIcon(icon)
        self.confirmButton.setIconSize(QSize(22, 22))
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.receiptLabel.setBuddy(self.receiptEdit)
        self.amountLabel.setBuddy(self.amountEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receiptEdit, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(AwardDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(AwardDialog)
    # setupUi

    def retranslateUi(self, AwardDialog):
        AwardDialog.setWindowTitle(QCoreApplication.translate("AwardDialog", u"Award points", None))
        self.receiptLabel.setText(QCoreApplication.translate("AwardDialog", u"&Receipt number", None))
        self.receiptEdit.setPlaceholderText(QCoreApplication.translate("AwardDialog", u"As printed on the till receipt", None))
        self.amountLabel.setText(QCoreApplication.translate("AwardDialog", u"&Amount paid (\u00a5)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("AwardDialog", u"e.g. 128.50", None))
        self.breakdownLabel.setText(QCoreApplication.translate("AwardDialog", u"Enter the receipt and the amount paid to see the points.", None))
        self.cancelButton.setText(QCoreApplication.translate("AwardDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("AwardDialog", u"Award points", None))
    # retranslateUi

