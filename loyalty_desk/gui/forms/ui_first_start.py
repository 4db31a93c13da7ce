# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_FirstStartDialog(object):
    def setupUi(self, FirstStartDialog):
        if not FirstStartDialog.objectName():
            FirstStartDialog.setObjectName(u"FirstStartDialog")
        FirstStartDialog.setMinimumSize(QSize(640, 480))
        self.outer = QVBoxLayout(FirstStartDialog)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.steps = QStackedWidget(FirstStartDialog)
        self.steps.setObjectName(u"steps")
        self.choosePage = QWidget()
        self.choosePage.setObjectName(u"choosePage")
        self.chooseLayout = QVBoxLayout(self.choosePage)
        self.chooseLayout.setSpacing(12)
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseLayout.setContentsMargins(24, 24, 24, 24)
        self.welcomeTitle = QLabel(self.choosePage)
        self.welcomeTitle.setObjectName(u"welcomeTitle")
        self.welcomeTitle.setProperty(u"role", u"title")

        self.chooseLayout.addWidget(self.welcomeTitle)

        self.welcomeText = QLabel(self.choosePage)
        self.welcomeText.setObjectName(u"welcomeText")
        self.welcomeText.setProperty(u"role", u"subtitle")
        self.welcomeText.setWordWrap(True)

        self.chooseLayout.addWidget(self.welcomeText)

        self.spacer1 = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.chooseLayout.addItem(self.spacer1)

        self.demoButton = QPushButton(self.choosePage)
        self.demoButton.setObjectName(u"demoButton")
        icon = QIcon()
        icon.addFile(u":/icons/demo.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.demoButton.setIcon(icon)
        self.demoButton.setIconSize(QSize(36, 36))
        self.demoButton.setProperty(u"role", u"choice")
        self.demoButton.setAutoDefault(True)

        self.chooseLayout.addWidget(self.demoButton)

        self.emptyButton = QPushButton(self.choosePage)
        self.emptyButton.setObjectName(u"emptyButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/store.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.emptyButton.setIcon(icon1)
        self.emptyButton.setIconSize(QSize(36, 36))
        self.emptyButton.setProperty(u"role", u"choice")
        self.emptyButton.setAutoDefault(False)

        self.chooseLayout.addWidget(self.emptyButton)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chooseLayout.addItem(self.spacer2)

        self.chooseButtons = QHBoxLayout()
        self.chooseButtons.setObjectName(u"chooseButtons")
        self.spacer3 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooseButtons.addItem(self.spacer3)

        self.quitButton = QPushButton(self.choosePage)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.chooseButtons.addWidget(self.quitButton)


        self.chooseLayout.addLayout(self.chooseButtons)

        self.steps.addWidget(self.choosePage)
        self.storePage = QWidget()
        self.storePage.setObjectName(u"storePage")
        self.storeLayout = QVBoxLayout(self.storePage)
        self.storeLayout.setSpacing(12)
        self.storeLayout.setObjectName(u"storeLayout")
        self.storeLayout.setContentsMargins(24, 24, 24, 24)
        self.storeTitle = QLabel(self.storePage)
        self.storeTitle.setObjectName(u"storeTitle")
        self.storeTitle.setProperty(u"role", u"title")

        self.storeLayout.addWidget(self.storeTitle)

        self.storeForm = QGridLayout()
        self.storeForm.setSpacing(10)
        self.storeForm.setObjectName(u"storeForm")
        self.storeIdLabel = QLabel(self.storePage)
        self.storeIdLabel.setObjectName(u"storeIdLabel")
        self.storeIdLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.storeIdLabel, 0, 0, 1, 1)

        self.storeIdEdit = QLineEdit(self.storePage)
        self.storeIdEdit.setObjectName(u"storeIdEdit")
        self.storeIdEdit.setMaxLength(32)

        self.storeForm.addWidget(self.storeIdEdit, 0, 1, 1, 1)

        self.storeNameLabel = QLabel(self.storePage)
        self.storeNameLabel.setObjectName(u"storeNameLabel")
        self.storeNameLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.storeNameLabel, 1, 0, 1, 1)

        self.storeNameEdit = QLineEdit(self.storePage)
        self.storeNameEdit.setObjectName(u"storeNameEdit")
        self.storeNameEdit.setMaxLength(80)

        self.storeForm.addWidget(self.storeNameEdit, 1, 1, 1, 1)

        self.timezoneLabel = QLabel(self.storePage)
        self.timezoneLabel.setObjectName(u"timezoneLabel")
        self.timezoneLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.timezoneLabel, 2, 0, 1, 1)

        self.timezoneCombo = QComboBox(self.storePage)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.storeForm.addWidget(self.timezoneCombo, 2, 1, 1, 1)

        self.managerLabel = QLabel(self.storePage)
        self.managerLabel.setObjectName(u"managerLabel")
        self.managerLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.managerLabel, 3, 0, 1, 1)

        self.managerEdit = QLineEdit(self.storePage)
        self.managerEdit.setObjectName(u"managerEdit")
        self.managerEdit.setMaxLength(40)

        self.storeForm.addWidget(self.managerEdit, 3, 1, 1, 1)

        self.pinLabel = QLabel(self.storePage)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.pinLabel, 4, 0, 1, 1)

        self.pinEdit = QLineEdit(self.storePage)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.storeForm.addWidget(self.pinEdit, 4, 1, 1, 1)

        self.pinAgainLabel = QLabel(self.storePage)
        self.pinAgainLabel.setObjectName(u"pinAgainLabel")
        self.pinAgainLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.pinAgainLabel, 5, 0, 1, 1)

        self.pinAgainEdit = QLineEdit(self.storePage)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setProperty(u"role", u"pin")
        self.pinAgainEdit.setMaxLength(12)
        self.pinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.storeForm.addWidget(self.pinAgainEdit, 5, 1, 1, 1)

        self.storeForm.setColumnStretch(1, 1)

        self.storeLayout.addLayout(self.storeForm)

        self.messageLabel = QLabel(self.storePage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.storeLayout.addWidget(self.messageLabel)

        self.spacer4 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.storeLayout.addItem(self.spacer4)

        self.storeButtons = QHBoxLayout()
        self.storeButtons.setObjectName(u"storeButtons")
        self.backButton = QPushButton(self.storePage)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoDefault(False)

        self.storeButtons.addWidget(self.backButton)

        self.spacer5 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.storeButtons.addItem(self.spacer5)

        self.createButton = QPushButton(self.storePage)
        self.createButton.setObjectName(u"createButton")
        self.createButton.setProperty(u"role", u"primary")
        self.createButton.setAutoDefault(True)

        self.storeButtons.addWidget(self.createButton)


        self.storeLayout.addLayout(self.storeButtons)

        self.steps.addWidget(self.storePage)
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setSpacing(16)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressLayout.setContentsMargins(40, 40, 40, 40)
        self.spacer6 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.spacer6)

        self.progressTitle = QLabel(self.progressPage)
        self.progressTitle.setObjectName(u"progressTitle")
        self.progressTitle.setProperty(u"role", u"title")
        self.progressTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.progressLayout.addWidget(self.progressTitle)

        self.progressText = QLabel(self.progressPage)
        self.progressText.setObjectName(u"progressText")
        self.progressText.setText(u"")
        self.progressText.setProperty(u"role", u"subtitle")
        self.progressText.setWordWrap(True)
        self.progressText.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.progressLayout.addWidget(self.progressText)

        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(False)

        self.progressLayout.addWidget(self.progressBar)

        self.spacer7 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.spacer7)

        self.steps.addWidget(self.progressPage)

        self.outer.addWidget(self.steps)

#if QT_CONFIG(shortcut)
        self.storeIdLabel.setBuddy(self.storeIdEdit)
        self.storeNameLabel.setBuddy(self.storeNameEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.managerLabel.setBuddy(self.managerEdit)
        self.pinLabel.setBuddy(self.pinEdit)
        self.pinAgainLabel.setBuddy(self.pinAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.storeIdEdit, self.storeNameEdit)
        QWidget.setTabOrder(self.storeNameEdit, self.timezoneCombo)
        QWidget.setTabOrder(self.timezoneCombo, self.managerEdit)
        QWidget.setTabOrder(self.managerEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.pinAgainEdit)
        QWidget.setTabOrder(self.pinAgainEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.backButton)

        self.retranslateUi(FirstStartDialog)

        self.demoButton.setDefault(True)
        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstStartDialog)
    # setupUi

    def retranslateUi(self, FirstStartDialog):
        FirstStartDialog.setWindowTitle(QCoreApplication.translate("FirstStartDialog", u"Welcome to Loyalty Desk", None))
        self.welcomeTitle.setText(QCoreApplication.translate("FirstStartDialog", u"Welcome to Loyalty Desk", None))
        self.welcomeText.setText(QCoreApplication.translate("FirstStartDialog", u"There is no store on this PC yet. Try the program with a demo store, or set up your own store now.", None))
        self.demoButton.setText(QCoreApplication.translate("FirstStartDialog", u"Try the demo store\n"
"A few hundred members with fourteen months of purchases, redemptions and refunds", None))
        self.emptyButton.setText(QCoreApplication.translate("FirstStartDialog", u"Set up my store\n"
"An empty store: its id and name, and the first manager", None))
        self.quitButton.setText(QCoreApplication.translate("FirstStartDialog", u"Quit", None))
        self.storeTitle.setText(QCoreApplication.translate("FirstStartDialog", u"Set up your store", None))
        self.storeIdLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Store &id", None))
        self.storeIdEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"e.g. SH001 (letters, digits, - or _)", None))
        self.storeNameLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Store &name", None))
        self.storeNameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"e.g. \u5357\u4eac\u8def\u65d7\u8230\u5e97", None))
        self.timezoneLabel.setText(QCoreApplication.translate("FirstStartDialog", u"&Time zone", None))
        self.managerLabel.setText(QCoreApplication.translate("FirstStartDialog", u"First &manager", None))
        self.managerEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"The manager's name, as they sign in", None))
        self.pinLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Manager &PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"4 to 12 digits", None))
        self.pinAgainLabel.setText(QCoreApplication.translate("FirstStartDialog", u"PIN &again", None))
        self.pinAgainEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"The same PIN once more", None))
        self.backButton.setText(QCoreApplication.translate("FirstStartDialog", u"Back", None))
        self.createButton.setText(QCoreApplication.translate("FirstStartDialog", u"Create store", None))
        self.progressTitle.setText(QCoreApplication.translate("FirstStartDialog", u"Preparing the store\u2026", None))
    # retranslateUi

