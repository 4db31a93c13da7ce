# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'members_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QToolButton, QVBoxLayout,
    QWidget)

from loyalty_desk.gui.widgets import ScanLineEdit
from . import loyalty_rc

class Ui_MembersPage(object):
    def setupUi(self, MembersPage):
        if not MembersPage.objectName():
            MembersPage.setObjectName(u"MembersPage")
        self.outer = QVBoxLayout(MembersPage)
        self.outer.setSpacing(10)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(16, 16, 16, 16)
        self.toolRow = QHBoxLayout()
        self.toolRow.setSpacing(10)
        self.toolRow.setObjectName(u"toolRow")
        self.searchEdit = ScanLineEdit(MembersPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setProperty(u"role", u"search")
        self.searchEdit.setMaxLength(40)
        self.searchEdit.setClearButtonEnabled(True)

        self.toolRow.addWidget(self.searchEdit)

        self.sortLabel = QLabel(MembersPage)
        self.sortLabel.setObjectName(u"sortLabel")
        self.sortLabel.setProperty(u"role", u"field")

        self.toolRow.addWidget(self.sortLabel)

        self.sortCombo = QComboBox(MembersPage)
        self.sortCombo.setObjectName(u"sortCombo")
        self.sortCombo.setMinimumSize(QSize(150, 40))

        self.toolRow.addWidget(self.sortCombo)

        self.orderButton = QToolButton(MembersPage)
        self.orderButton.setObjectName(u"orderButton")
        self.orderButton.setText(u"\u2193")
        self.orderButton.setCheckable(True)
        self.orderButton.setMinimumSize(QSize(40, 40))

        self.toolRow.addWidget(self.orderButton)

        self.toolRow.setStretch(0, 1)

        self.outer.addLayout(self.toolRow)

        self.infoRow = QHBoxLayout()
        self.infoRow.setObjectName(u"infoRow")
        self.countLabel = QLabel(MembersPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")
        self.countLabel.setProperty(u"role", u"muted")

        self.infoRow.addWidget(self.countLabel)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.infoRow.addItem(self.spacer1)

        self.loadedLabel = QLabel(MembersPage)
        self.loadedLabel.setObjectName(u"loadedLabel")
        self.loadedLabel.setText(u"")
        self.loadedLabel.setProperty(u"role", u"hint")

        self.infoRow.addWidget(self.loadedLabel)


        self.outer.addLayout(self.infoRow)

        self.tableView = QTableView(MembersPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setShowGrid(False)
        self.tableView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.outer.addWidget(self.tableView)

        self.messageLabel = QLabel(MembersPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.outer.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer2)

        self.checkoutButton = QPushButton(MembersPage)
        self.checkoutButton.setObjectName(u"checkoutButton")
        icon = QIcon()
        icon.addFile(u":/icons/checkout.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.checkoutButton.setIcon(icon)
        self.checkoutButton.setIconSize(QSize(22, 22))
        self.checkoutButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.checkoutButton)

        self.openButton = QPushButton(MembersPage)
        self.openButton.setObjectName(u"openButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/members-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.openButton.setIcon(icon1)
        self.openButton.setIconSize(QSize(22, 22))
        self.openButton.setProperty(u"role", u"primary")
        self.openButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.openButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.sortLabel.setBuddy(self.sortCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.sortCombo)
        QWidget.setTabOrder(self.sortCombo, self.orderButton)
        QWidget.setTabOrder(self.orderButton, self.tableView)
        QWidget.setTabOrder(self.tableView, self.openButton)
        QWidget.setTabOrder(self.openButton, self.checkoutButton)

        self.retranslateUi(MembersPage)

        QMetaObject.connectSlotsByName(MembersPage)
    # setupUi

    def retranslateUi(self, MembersPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MembersPage", u"Search: start of a phone, last 4 digits, code or name", None))
        self.sortLabel.setText(QCoreApplication.translate("MembersPage", u"&Sort", None))
#if QT_CONFIG(tooltip)
        self.orderButton.setToolTip(QCoreApplication.translate("MembersPage", u"Reverse the order", None))
#endif // QT_CONFIG(tooltip)
        self.checkoutButton.setText(QCoreApplication.translate("MembersPage", u"Serve at checkout", None))
        self.openButton.setText(QCoreApplication.translate("MembersPage", u"Open member", None))
        pass
    # retranslateUi

