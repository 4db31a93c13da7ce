# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_dialog.ui'
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
from . import loyalty_rc

class Ui_HistoryDialog(object):
    def setupUi(self, HistoryDialog):
        if not HistoryDialog.objectName():
            HistoryDialog.setObjectName(u"HistoryDialog")
        HistoryDialog.setMinimumSize(QSize(900, 520))
        self.outer = QVBoxLayout(HistoryDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.memberLabel = QLabel(HistoryDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setText(u"")
        self.memberLabel.setProperty(u"role", u"subtitle")
        self.memberLabel.setWordWrap(True)

        self.outer.addWidget(self.memberLabel)

        self.historyView = QTableView(HistoryDialog)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setShowGrid(False)

        self.outer.addWidget(self.historyView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.countLabel = QLabel(HistoryDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")
        self.countLabel.setProperty(u"role", u"muted")

        self.buttonRow.addWidget(self.countLabel)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer1)

        self.closeButton = QPushButton(HistoryDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setProperty(u"role", u"primary")
        self.closeButton.setAutoDefault(True)

        self.buttonRow.addWidget(self.closeButton)


        self.outer.addLayout(self.buttonRow)


        self.retranslateUi(HistoryDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(HistoryDialog)
    # setupUi

    def retranslateUi(self, HistoryDialog):
        HistoryDialog.setWindowTitle(QCoreApplication.translate("HistoryDialog", u"Points history", None))
        self.closeButton.setText(QCoreApplication.translate("HistoryDialog", u"Close", None))
    # retranslateUi

