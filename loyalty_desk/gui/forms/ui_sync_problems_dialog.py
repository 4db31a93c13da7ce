# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_problems_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_SyncProblemsDialog(object):
    def setupUi(self, SyncProblemsDialog):
        if not SyncProblemsDialog.objectName():
            SyncProblemsDialog.setObjectName(u"SyncProblemsDialog")
        SyncProblemsDialog.setMinimumSize(QSize(900, 560))
        self.outer = QVBoxLayout(SyncProblemsDialog)
        self.outer.setSpacing(12)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(20, 20, 20, 20)
        self.summaryLabel = QLabel(SyncProblemsDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setProperty(u"role", u"subtitle")
        self.summaryLabel.setWordWrap(True)

        self.outer.addWidget(self.summaryLabel)

        self.problemsView = QTableView(SyncProblemsDialog)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.outer.addWidget(self.problemsView)

        self.detailGroup = QGroupBox(SyncProblemsDialog)
        self.detailGroup.setObjectName(u"detailGroup")
        self.detailForm = QGridLayout(self.detailGroup)
        self.detailForm.setSpacing(10)
        self.detailForm.setObjectName(u"detailForm")
        self.whatTitle = QLabel(self.detailGroup)
        self.whatTitle.setObjectName(u"whatTitle")
        self.whatTitle.setProperty(u"role", u"field")

        self.detailForm.addWidget(self.whatTitle, 0, 0, 1, 1)

        self.whatLabel = QLabel(self.detailGroup)
        self.whatLabel.setObjectName(u"whatLabel")
        self.whatLabel.setText(u"")
        self.whatLabel.setWordWrap(True)
        self.whatLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.addWidget(self.whatLabel, 0, 1, 1, 1)

        self.todoTitle = QLabel(self.detailGroup)
        self.todoTitle.setObjectName(u"todoTitle")
        self.todoTitle.setProperty(u"role", u"field")

        self.detailForm.addWidget(self.todoTitle, 1, 0, 1, 1)

        self.todoLabel = QLabel(self.detailGroup)
        self.todoLabel.setObjectName(u"todoLabel")
        self.todoLabel.setText(u"")
        self.todoLabel.setWordWrap(True)
        self.todoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.addWidget(self.todoLabel, 1, 1, 1, 1)

        self.eventTitle = QLabel(self.detailGroup)
        self.eventTitle.setObjectName(u"eventTitle")
        self.eventTitle.setProperty(u"role", u"field")

        self.detailForm.addWidget(self.eventTitle, 2, 0, 1, 1)

        self.eventLabel = QLabel(self.detailGroup)
        self.eventLabel.setObjectName(u"eventLabel")
        self.eventLabel.setText(u"")
        self.eventLabel.setWordWrap(True)
        self.eventLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.addWidget(self.eventLabel, 2, 1, 1, 1)

        self.detailForm.setColumnStretch(1, 1)

        self.outer.addWidget(self.detailGroup)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.refreshButton = QPushButton(SyncProblemsDialog)
        self.refreshButton.setObjectName(u"refreshButton")
        self.refreshButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.refreshButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(SyncProblemsDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.closeButton)


        self.outer.addLayout(self.buttonRow)


        self.retranslateUi(SyncProblemsDialog)
        self.closeButton.clicked.connect(SyncProblemsDialog.reject)

        QMetaObject.connectSlotsByName(SyncProblemsDialog)
    # setupUi

    def retranslateUi(self, SyncProblemsDialog):
        SyncProblemsDialog.setWindowTitle(QCoreApplication.translate("SyncProblemsDialog", u"Sync problems", None))
        self.detailGroup.setTitle(QCoreApplication.translate("SyncProblemsDialog", u"The selected problem", None))
        self.whatTitle.setText(QCoreApplication.translate("SyncProblemsDialog", u"What happened", None))
        self.todoTitle.setText(QCoreApplication.translate("SyncProblemsDialog", u"What to do", None))
        self.eventTitle.setText(QCoreApplication.translate("SyncProblemsDialog", u"Event", None))
        self.refreshButton.setText(QCoreApplication.translate("SyncProblemsDialog", u"&Refresh", None))
        self.closeButton.setText(QCoreApplication.translate("SyncProblemsDialog", u"Close", None))
    # retranslateUi

