# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coupon_batch_dialog.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)
from . import loyalty_rc

class Ui_CouponBatchDialog(object):
    def setupUi(self, CouponBatchDialog):
        if not CouponBatchDialog.objectName():
            CouponBatchDialog.setObjectName(u"CouponBatchDialog")
        CouponBatchDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(CouponBatchDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(CouponBatchDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.segmentLabel = QLabel(CouponBatchDialog)
        self.segmentLabel.setObjectName(u"segmentLabel")
        self.segmentLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.segmentLabel, 0, 0, 1, 1)

        self.segmentCombo = QComboBox(CouponBatchDialog)
        self.segmentCombo.setObjectName(u"segmentCombo")

        self.fields.addWidget(self.segmentCombo, 0, 1, 1, 1)

        self.kindLabel = QLabel(CouponBatchDialog)
        self.kindLabel.setObjectName(u"kindLabel")
        self.kindLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.kindLabel, 1, 0, 1, 1)

        self.kindCombo = QComboBox(CouponBatchDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fields.addWidget(self.kindCombo, 1, 1, 1, 1)

        self.pinLabel = QLabel(CouponBatchDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinLabel, 2, 0, 1, 1)

        self.pinEdit = QLineEdit(CouponBatchDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinEdit, 2, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.termsLabel = QLabel(CouponBatchDialog)
        self.termsLabel.setObjectName(u"termsLabel")
        self.termsLabel.setText(u"")
        self.termsLabel.setProperty(u"role", u"muted")
        self.termsLabel.setWordWrap(True)

        self.outer.addWidget(self.termsLabel)

        self.progressBar = QProgressBar(CouponBatchDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.outer.addWidget(self.progressBar)

        self.messageLabel = QLabel(CouponBatchDialog)
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

        self.saveButton = QPushButton(CouponBatchDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)

        self.printButton = QPushButton(CouponBatchDialog)
        self.printButton.setObjectName(u"printButton")
        icon = QIcon()
        icon.addFile(u":/icons/print.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.printButton.setIcon(icon)
        self.printButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.printButton)

        self.cancelButton = QPushButton(CouponBatchDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(CouponBatchDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.segmentLabel.setBuddy(self.segmentCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.segmentCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(CouponBatchDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(CouponBatchDialog)
    # setupUi

    def retranslateUi(self, CouponBatchDialog):
        CouponBatchDialog.setWindowTitle(QCoreApplication.translate("CouponBatchDialog", u"Coupons for a segment", None))
        self.segmentLabel.setText(QCoreApplication.translate("CouponBatchDialog", u"&Segment", None))
        self.kindLabel.setText(QCoreApplication.translate("CouponBatchDialog", u"Coupon &kind", None))
        self.pinLabel.setText(QCoreApplication.translate("CouponBatchDialog", u"&Manager PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("CouponBatchDialog", u"Your PIN", None))
        self.saveButton.setText(QCoreApplication.translate("CouponBatchDialog", u"Save as PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CouponBatchDialog", u"Ctrl+S", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("CouponBatchDialog", u"Print", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("CouponBatchDialog", u"Ctrl+P: on the printer chosen in settings", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("CouponBatchDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("CouponBatchDialog", u"Issue and render", None))
    # retranslateUi

