# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'adjust_dialog.ui'
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
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_AdjustDialog(object):
    def setupUi(self, AdjustDialog):
        if not AdjustDialog.objectName():
            AdjustDialog.setObjectName(u"AdjustDialog")
        AdjustDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(AdjustDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(AdjustDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.fields = QGridLayout()
        self.fields.setSpacing(10)
        self.fields.setObjectName(u"fields")
        self.pointsLabel = QLabel(AdjustDialog)
        self.pointsLabel.setObjectName(u"pointsLabel")
        self.pointsLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pointsLabel, 0, 0, 1, 1)

        self.pointsSpin = QSpinBox(AdjustDialog)
        self.pointsSpin.setObjectName(u"pointsSpin")
        self.pointsSpin.setProperty(u"role", u"amount")
        self.pointsSpin.setMinimumSize(QSize(180, 0))

        self.fields.addWidget(self.pointsSpin, 0, 1, 1, 1)

        self.reasonLabel = QLabel(AdjustDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.reasonLabel, 1, 0, 1, 1)

        self.reasonEdit = QLineEdit(AdjustDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.fields.addWidget(self.reasonEdit, 1, 1, 1, 1)

        self.pinLabel = QLabel(AdjustDialog)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.fields.addWidget(self.pinLabel, 2, 0, 1, 1)

        self.pinEdit = QLineEdit(AdjustDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.addWidget(self.pinEdit, 2, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.outer.addLayout(self.fields)

        self.previewLabel = QLabel(AdjustDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setText(u"")
        self.previewLabel.setProperty(u"role", u"big")

        self.outer.addWidget(self.previewLabel)

        self.messageLabel = QLabel(AdjustDialog)
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

        self.cancelButton = QPushButton(AdjustDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(AdjustDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")
        self.confirmButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.confirmButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.pointsLabel.setBuddy(self.pointsSpin)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pointsSpin, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.cancelButton)

        self.retranslateUi(AdjustDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(AdjustDialog)
    # setupUi

    def retranslateUi(self, AdjustDialog):
        AdjustDialog.setWindowTitle(QCoreApplication.translate("AdjustDialog", u"Adjust points", None))
        self.pointsLabel.setText(QCoreApplication.translate("AdjustDialog", u"&Points (+ or \u2212)", None))
        self.reasonLabel.setText(QCoreApplication.translate("AdjustDialog", u"&Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("AdjustDialog", u"Why \u2014 this goes into the audit log", None))
        self.pinLabel.setText(QCoreApplication.translate("AdjustDialog", u"&Manager PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("AdjustDialog", u"Your PIN", None))
        self.cancelButton.setText(QCoreApplication.translate("AdjustDialog", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("AdjustDialog", u"Adjust", None))
    # retranslateUi

