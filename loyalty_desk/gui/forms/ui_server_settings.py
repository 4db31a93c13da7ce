# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'server_settings.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QWidget)

class Ui_ServerSettings(object):
    def setupUi(self, ServerSettings):
        if not ServerSettings.objectName():
            ServerSettings.setObjectName(u"ServerSettings")
        self.serverForm = QGridLayout(ServerSettings)
        self.serverForm.setSpacing(10)
        self.serverForm.setObjectName(u"serverForm")
        self.stateLabel = QLabel(ServerSettings)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.stateLabel, 0, 0, 1, 1)

        self.stateValue = QLabel(ServerSettings)
        self.stateValue.setObjectName(u"stateValue")
        self.stateValue.setText(u"")
        self.stateValue.setWordWrap(True)
        self.stateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.serverForm.addWidget(self.stateValue, 0, 1, 1, 2)

        self.serverLabel = QLabel(ServerSettings)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.serverLabel, 1, 0, 1, 1)

        self.serverValue = QLabel(ServerSettings)
        self.serverValue.setObjectName(u"serverValue")
        self.serverValue.setText(u"")
        self.serverValue.setWordWrap(True)
        self.serverValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.serverForm.addWidget(self.serverValue, 1, 1, 1, 2)

        self.deviceLabel = QLabel(ServerSettings)
        self.deviceLabel.setObjectName(u"deviceLabel")
        self.deviceLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.deviceLabel, 2, 0, 1, 1)

        self.deviceValue = QLabel(ServerSettings)
        self.deviceValue.setObjectName(u"deviceValue")
        self.deviceValue.setText(u"")
        self.deviceValue.setWordWrap(True)
        self.deviceValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.serverForm.addWidget(self.deviceValue, 2, 1, 1, 2)

        self.lastSyncLabel = QLabel(ServerSettings)
        self.lastSyncLabel.setObjectName(u"lastSyncLabel")
        self.lastSyncLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.lastSyncLabel, 3, 0, 1, 1)

        self.lastSyncValue = QLabel(ServerSettings)
        self.lastSyncValue.setObjectName(u"lastSyncValue")
        self.lastSyncValue.setText(u"")
        self.lastSyncValue.setWordWrap(True)
        self.lastSyncValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.serverForm.addWidget(self.lastSyncValue, 3, 1, 1, 2)

        self.urlLabel = QLabel(ServerSettings)
        self.urlLabel.setObjectName(u"urlLabel")
        self.urlLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.urlLabel, 4, 0, 1, 1)

        self.urlEdit = QLineEdit(ServerSettings)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setMaxLength(200)

        self.serverForm.addWidget(self.urlEdit, 4, 1, 1, 2)

        self.codeLabel = QLabel(ServerSettings)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setProperty(u"role", u"field")

        self.serverForm.addWidget(self.codeLabel, 5, 0, 1, 1)

        self.codeEdit = QLineEdit(ServerSettings)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setPlaceholderText(u"1234-5678-9012")
        self.codeEdit.setMaxLength(20)

        self.serverForm.addWidget(self.codeEdit, 5, 1, 1, 1)

        self.registerButton = QPushButton(ServerSettings)
        self.registerButton.setObjectName(u"registerButton")
        self.registerButton.setAutoDefault(False)
        self.registerButton.setProperty(u"role", u"primary")

        self.serverForm.addWidget(self.registerButton, 5, 2, 1, 1)

        self.codeHint = QLabel(ServerSettings)
        self.codeHint.setObjectName(u"codeHint")
        self.codeHint.setText(u"")
        self.codeHint.setProperty(u"role", u"hint")
        self.codeHint.setWordWrap(True)

        self.serverForm.addWidget(self.codeHint, 6, 0, 1, 3)

        self.serverMessage = QLabel(ServerSettings)
        self.serverMessage.setObjectName(u"serverMessage")
        self.serverMessage.setText(u"")
        self.serverMessage.setProperty(u"role", u"message")
        self.serverMessage.setWordWrap(True)
        self.serverMessage.setProperty(u"tone", u"info")

        self.serverForm.addWidget(self.serverMessage, 7, 0, 1, 3)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.syncNowButton = QPushButton(ServerSettings)
        self.syncNowButton.setObjectName(u"syncNowButton")
        self.syncNowButton.setAutoDefault(False)

        self.actionRow.addWidget(self.syncNowButton)

        self.problemsButton = QPushButton(ServerSettings)
        self.problemsButton.setObjectName(u"problemsButton")
        self.problemsButton.setAutoDefault(False)

        self.actionRow.addWidget(self.problemsButton)

        self.actionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)


        self.serverForm.addLayout(self.actionRow, 8, 0, 1, 3)

        self.serverForm.setColumnStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.codeLabel.setBuddy(self.codeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.urlEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.registerButton)
        QWidget.setTabOrder(self.registerButton, self.syncNowButton)
        QWidget.setTabOrder(self.syncNowButton, self.problemsButton)

        self.retranslateUi(ServerSettings)

        QMetaObject.connectSlotsByName(ServerSettings)
    # setupUi

    def retranslateUi(self, ServerSettings):
        ServerSettings.setTitle(QCoreApplication.translate("ServerSettings", u"Central server", None))
        self.stateLabel.setText(QCoreApplication.translate("ServerSettings", u"Sync", None))
        self.serverLabel.setText(QCoreApplication.translate("ServerSettings", u"Server", None))
        self.deviceLabel.setText(QCoreApplication.translate("ServerSettings", u"Till id", None))
        self.lastSyncLabel.setText(QCoreApplication.translate("ServerSettings", u"Last sync", None))
        self.urlLabel.setText(QCoreApplication.translate("ServerSettings", u"Server &address", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("ServerSettings", u"https://loyalty.example.com:8750", None))
        self.codeLabel.setText(QCoreApplication.translate("ServerSettings", u"One-time &code", None))
        self.registerButton.setText(QCoreApplication.translate("ServerSettings", u"&Register this till", None))
#if QT_CONFIG(tooltip)
        self.registerButton.setToolTip(QCoreApplication.translate("ServerSettings", u"Registers this till with the chain's server; the code comes from `loyalty-desk server store code STORE` and works once, for 24 hours", None))
#endif // QT_CONFIG(tooltip)
        self.syncNowButton.setText(QCoreApplication.translate("ServerSettings", u"S&ync now", None))
#if QT_CONFIG(tooltip)
        self.syncNowButton.setToolTip(QCoreApplication.translate("ServerSettings", u"Send this till's events and fetch the chain's changes now", None))
#endif // QT_CONFIG(tooltip)
        self.problemsButton.setText(QCoreApplication.translate("ServerSettings", u"Sync &problems\u2026", None))
#if QT_CONFIG(tooltip)
        self.problemsButton.setToolTip(QCoreApplication.translate("ServerSettings", u"Events the server refused or set aside, and conflicts it found", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

