# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_detail_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from loyalty_desk.gui.member_panel import MemberPanel
from . import loyalty_rc

class Ui_MemberDetailDialog(object):
    def setupUi(self, MemberDetailDialog):
        if not MemberDetailDialog.objectName():
            MemberDetailDialog.setObjectName(u"MemberDetailDialog")
        MemberDetailDialog.setMinimumSize(QSize(960, 640))
        self.outer = QVBoxLayout(MemberDetailDialog)
        self.outer.setSpacing(10)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberPanel = MemberPanel(MemberDetailDialog)
        self.memberPanel.setObjectName(u"memberPanel")

        self.outer.addWidget(self.memberPanel)

        self.historyTitle = QLabel(MemberDetailDialog)
        self.historyTitle.setObjectName(u"historyTitle")
        self.historyTitle.setProperty(u"role", u"field")

        self.outer.addWidget(self.historyTitle)

        self.historyView = QTableView(MemberDetailDialog)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setShowGrid(False)

        self.outer.addWidget(self.historyView)

        self.messageLabel = QLabel(MemberDetailDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.editButton = QPushButton(MemberDetailDialog)
        self.editButton.setObjectName(u"editButton")
        icon = QIcon()
        icon.addFile(u":/icons/edit.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.editButton.setIcon(icon)
        self.editButton.setIconSize(QSize(22, 22))
        self.editButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.editButton)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer1)

        self.checkoutButton = QPushButton(MemberDetailDialog)
        self.checkoutButton.setObjectName(u"checkoutButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/checkout.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.checkoutButton.setIcon(icon1)
        self.checkoutButton.setIconSize(QSize(22, 22))
        self.checkoutButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.checkoutButton)

        self.closeButton = QPushButton(MemberDetailDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setProperty(u"role", u"primary")
        self.closeButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.closeButton)


        self.outer.addLayout(self.buttonRow)

        self.outer.setStretch(2, 1)

        self.retranslateUi(MemberDetailDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(MemberDetailDialog)
    # setupUi

    def retranslateUi(self, MemberDetailDialog):
        MemberDetailDialog.setWindowTitle(QCoreApplication.translate("MemberDetailDialog", u"Member", None))
        self.historyTitle.setText(QCoreApplication.translate("MemberDetailDialog", u"Points history", None))
        self.editButton.setText(QCoreApplication.translate("MemberDetailDialog", u"Edit details", None))
        self.checkoutButton.setText(QCoreApplication.translate("MemberDetailDialog", u"Serve at checkout", None))
        self.closeButton.setText(QCoreApplication.translate("MemberDetailDialog", u"Close", None))
    # retranslateUi

