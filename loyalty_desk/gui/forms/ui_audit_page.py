# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_AuditPage(object):
    def setupUi(self, AuditPage):
        if not AuditPage.objectName():
            AuditPage.setObjectName(u"AuditPage")
        self.outer = QVBoxLayout(AuditPage)
        self.outer.setSpacing(10)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(16, 16, 16, 16)
        self.toolRow = QHBoxLayout()
        self.toolRow.setSpacing(10)
        self.toolRow.setObjectName(u"toolRow")
        self.titleLabel = QLabel(AuditPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.toolRow.addWidget(self.titleLabel)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolRow.addItem(self.spacer1)

        self.refreshButton = QPushButton(AuditPage)
        self.refreshButton.setObjectName(u"refreshButton")
        icon = QIcon()
        icon.addFile(u":/icons/sync.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.refreshButton.setIcon(icon)
        self.refreshButton.setIconSize(QSize(22, 22))
        self.refreshButton.setAutoDefault(False)

        self.toolRow.addWidget(self.refreshButton)

        self.verifyButton = QPushButton(AuditPage)
        self.verifyButton.setObjectName(u"verifyButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/audit.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.verifyButton.setIcon(icon1)
        self.verifyButton.setIconSize(QSize(22, 22))
        self.verifyButton.setAutoDefault(False)

        self.toolRow.addWidget(self.verifyButton)


        self.outer.addLayout(self.toolRow)

        self.statusLabel = QLabel(AuditPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setProperty(u"role", u"message")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.statusLabel)

        self.tableView = QTableView(AuditPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setShowGrid(False)
        self.tableView.setWordWrap(False)

        self.outer.addWidget(self.tableView)


        self.retranslateUi(AuditPage)

        QMetaObject.connectSlotsByName(AuditPage)
    # setupUi

    def retranslateUi(self, AuditPage):
        self.titleLabel.setText(QCoreApplication.translate("AuditPage", u"Audit log", None))
        self.refreshButton.setText(QCoreApplication.translate("AuditPage", u"Refresh", None))
        self.verifyButton.setText(QCoreApplication.translate("AuditPage", u"Check the chain", None))
        pass
    # retranslateUi

