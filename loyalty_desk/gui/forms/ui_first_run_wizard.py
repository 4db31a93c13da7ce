# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_wizard.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget,
    QWizard, QWizardPage)

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.setMinimumSize(QSize(680, 520))
        FirstRunWizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.languagePage = QWizardPage()
        self.languagePage.setObjectName(u"languagePage")
        self.languageLayout = QVBoxLayout(self.languagePage)
        self.languageLayout.setSpacing(10)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageForm = QFormLayout()
        self.languageForm.setObjectName(u"languageForm")
        self.languageForm.setVerticalSpacing(10)
        self.languageLabel = QLabel(self.languagePage)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languagePage)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)


        self.languageLayout.addLayout(self.languageForm)

        self.languageNote = QLabel(self.languagePage)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)
        self.languageNote.setProperty(u"role", u"hint")

        self.languageLayout.addWidget(self.languageNote)

        self.languageSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageSpacer)

        FirstRunWizard.addPage(self.languagePage)
        self.kindPage = QWizardPage()
        self.kindPage.setObjectName(u"kindPage")
        self.kindLayout = QVBoxLayout(self.kindPage)
        self.kindLayout.setSpacing(10)
        self.kindLayout.setObjectName(u"kindLayout")
        self.demoRadio = QRadioButton(self.kindPage)
        self.demoRadio.setObjectName(u"demoRadio")
        self.demoRadio.setChecked(True)
        self.demoRadio.setProperty(u"role", u"choice")

        self.kindLayout.addWidget(self.demoRadio)

        self.demoNote = QLabel(self.kindPage)
        self.demoNote.setObjectName(u"demoNote")
        self.demoNote.setWordWrap(True)
        self.demoNote.setProperty(u"role", u"hint")

        self.kindLayout.addWidget(self.demoNote)

        self.emptyRadio = QRadioButton(self.kindPage)
        self.emptyRadio.setObjectName(u"emptyRadio")
        self.emptyRadio.setProperty(u"role", u"choice")

        self.kindLayout.addWidget(self.emptyRadio)

        self.emptyNote = QLabel(self.kindPage)
        self.emptyNote.setObjectName(u"emptyNote")
        self.emptyNote.setWordWrap(True)
        self.emptyNote.setProperty(u"role", u"hint")

        self.kindLayout.addWidget(self.emptyNote)

        self.kindSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.kindLayout.addItem(self.kindSpacer)

        self.demoProgress = QProgressBar(self.kindPage)
        self.demoProgress.setObjectName(u"demoProgress")
        self.demoProgress.setValue(0)

        self.kindLayout.addWidget(self.demoProgress)

        self.kindMessage = QLabel(self.kindPage)
        self.kindMessage.setObjectName(u"kindMessage")
        self.kindMessage.setText(u"")
        self.kindMessage.setWordWrap(True)
        self.kindMessage.setProperty(u"role", u"message")

        self.kindLayout.addWidget(self.kindMessage)

        FirstRunWizard.addPage(self.kindPage)
        self.storePage = QWizardPage()
        self.storePage.setObjectName(u"storePage")
        self.storeLayout = QVBoxLayout(self.storePage)
        self.storeLayout.setSpacing(10)
        self.storeLayout.setObjectName(u"storeLayout")
        self.storeForm = QFormLayout()
        self.storeForm.setObjectName(u"storeForm")
        self.storeForm.setVerticalSpacing(10)
        self.storeIdLabel = QLabel(self.storePage)
        self.storeIdLabel.setObjectName(u"storeIdLabel")

        self.storeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.storeIdLabel)

        self.storeIdEdit = QLineEdit(self.storePage)
        self.storeIdEdit.setObjectName(u"storeIdEdit")
        self.storeIdEdit.setMaxLength(32)

        self.storeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.storeIdEdit)

        self.storeNameLabel = QLabel(self.storePage)
        self.storeNameLabel.setObjectName(u"storeNameLabel")

        self.storeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.storeNameLabel)

        self.storeNameEdit = QLineEdit(self.storePage)
        self.storeNameEdit.setObjectName(u"storeNameEdit")
        self.storeNameEdit.setMaxLength(80)

        self.storeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.storeNameEdit)

        self.timezoneLabel = QLabel(self.storePage)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.storeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneCombo = QComboBox(self.storePage)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.storeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timezoneCombo)


        self.storeLayout.addLayout(self.storeForm)

        self.storeSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.storeLayout.addItem(self.storeSpacer)

        self.storeMessage = QLabel(self.storePage)
        self.storeMessage.setObjectName(u"storeMessage")
        self.storeMessage.setText(u"")
        self.storeMessage.setWordWrap(True)
        self.storeMessage.setProperty(u"role", u"message")

        self.storeLayout.addWidget(self.storeMessage)

        FirstRunWizard.addPage(self.storePage)
        self.managerPage = QWizardPage()
        self.managerPage.setObjectName(u"managerPage")
        self.managerLayout = QVBoxLayout(self.managerPage)
        self.managerLayout.setSpacing(10)
        self.managerLayout.setObjectName(u"managerLayout")
        self.managerForm = QFormLayout()
        self.managerForm.setObjectName(u"managerForm")
        self.managerForm.setVerticalSpacing(10)
        self.managerLabel = QLabel(self.managerPage)
        self.managerLabel.setObjectName(u"managerLabel")

        self.managerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.managerLabel)

        self.managerEdit = QLineEdit(self.managerPage)
        self.managerEdit.setObjectName(u"managerEdit")
        self.managerEdit.setMaxLength(40)

        self.managerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.managerEdit)

        self.pinLabel = QLabel(self.managerPage)
        self.pinLabel.setObjectName(u"pinLabel")

        self.managerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(self.managerPage)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.managerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.pinAgainLabel = QLabel(self.managerPage)
        self.pinAgainLabel.setObjectName(u"pinAgainLabel")

        self.managerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pinAgainLabel)

        self.pinAgainEdit = QLineEdit(self.managerPage)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setMaxLength(12)
        self.pinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.managerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pinAgainEdit)


        self.managerLayout.addLayout(self.managerForm)

        self.managerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.managerLayout.addItem(self.managerSpacer)

        self.managerMessage = QLabel(self.managerPage)
        self.managerMessage.setObjectName(u"managerMessage")
        self.managerMessage.setText(u"")
        self.managerMessage.setWordWrap(True)
        self.managerMessage.setProperty(u"role", u"message")

        self.managerLayout.addWidget(self.managerMessage)

        FirstRunWizard.addPage(self.managerPage)
        self.serverPage = QWizardPage()
        self.serverPage.setObjectName(u"serverPage")
        self.serverLayout = QVBoxLayout(self.serverPage)
        self.serverLayout.setSpacing(10)
        self.serverLayout.setObjectName(u"serverLayout")
        self.serverForm = QFormLayout()
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setVerticalSpacing(10)
        self.serverUrlLabel = QLabel(self.serverPage)
        self.serverUrlLabel.setObjectName(u"serverUrlLabel")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverUrlLabel)

        self.serverUrlEdit = QLineEdit(self.serverPage)
        self.serverUrlEdit.setObjectName(u"serverUrlEdit")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverUrlEdit)

        self.serverCodeLabel = QLabel(self.serverPage)
        self.serverCodeLabel.setObjectName(u"serverCodeLabel")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serverCodeLabel)

        self.serverCodeEdit = QLineEdit(self.serverPage)
        self.serverCodeEdit.setObjectName(u"serverCodeEdit")
        self.serverCodeEdit.setMaxLength(14)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverCodeEdit)


        self.serverLayout.addLayout(self.serverForm)

        self.serverNote = QLabel(self.serverPage)
        self.serverNote.setObjectName(u"serverNote")
        self.serverNote.setWordWrap(True)
        self.serverNote.setProperty(u"role", u"hint")

        self.serverLayout.addWidget(self.serverNote)

        self.serverSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.serverLayout.addItem(self.serverSpacer)

        self.serverMessage = QLabel(self.serverPage)
        self.serverMessage.setObjectName(u"serverMessage")
        self.serverMessage.setText(u"")
        self.serverMessage.setWordWrap(True)
        self.serverMessage.setProperty(u"role", u"message")

        self.serverLayout.addWidget(self.serverMessage)

        FirstRunWizard.addPage(self.serverPage)
        self.printerPage = QWizardPage()
        self.printerPage.setObjectName(u"printerPage")
        self.printerLayout = QVBoxLayout(self.printerPage)
        self.printerLayout.setSpacing(10)
        self.printerLayout.setObjectName(u"printerLayout")
        self.printerForm = QFormLayout()
        self.printerForm.setObjectName(u"printerForm")
        self.printerForm.setVerticalSpacing(10)
        self.printerKindLabel = QLabel(self.printerPage)
        self.printerKindLabel.setObjectName(u"printerKindLabel")

        self.printerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.printerKindLabel)

        self.printerKindCombo = QComboBox(self.printerPage)
        self.printerKindCombo.setObjectName(u"printerKindCombo")

        self.printerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.printerKindCombo)

        self.printerTargetLabel = QLabel(self.printerPage)
        self.printerTargetLabel.setObjectName(u"printerTargetLabel")

        self.printerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.printerTargetLabel)

        self.printerTargetCombo = QComboBox(self.printerPage)
        self.printerTargetCombo.setObjectName(u"printerTargetCombo")
        self.printerTargetCombo.setEditable(True)

        self.printerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.printerTargetCombo)

        self.paperLabel = QLabel(self.printerPage)
        self.paperLabel.setObjectName(u"paperLabel")

        self.printerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperCombo = QComboBox(self.printerPage)
        self.paperCombo.setObjectName(u"paperCombo")

        self.printerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.printerHint = QLabel(self.printerPage)
        self.printerHint.setObjectName(u"printerHint")
        self.printerHint.setText(u"")
        self.printerHint.setWordWrap(True)
        self.printerHint.setProperty(u"role", u"hint")

        self.printerForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.printerHint)


        self.printerLayout.addLayout(self.printerForm)

        self.testPrintButton = QPushButton(self.printerPage)
        self.testPrintButton.setObjectName(u"testPrintButton")

        self.printerLayout.addWidget(self.testPrintButton)

        self.printerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.printerLayout.addItem(self.printerSpacer)

        self.printerMessage = QLabel(self.printerPage)
        self.printerMessage.setObjectName(u"printerMessage")
        self.printerMessage.setText(u"")
        self.printerMessage.setWordWrap(True)
        self.printerMessage.setProperty(u"role", u"message")

        self.printerLayout.addWidget(self.printerMessage)

        FirstRunWizard.addPage(self.printerPage)
        self.donePage = QWizardPage()
        self.donePage.setObjectName(u"donePage")
        self.doneLayout = QVBoxLayout(self.donePage)
        self.doneLayout.setSpacing(10)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneText = QLabel(self.donePage)
        self.doneText.setObjectName(u"doneText")
        self.doneText.setText(u"")
        self.doneText.setWordWrap(True)

        self.doneLayout.addWidget(self.doneText)

        self.doneSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneSpacer)

        FirstRunWizard.addPage(self.donePage)
#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.storeIdLabel.setBuddy(self.storeIdEdit)
        self.storeNameLabel.setBuddy(self.storeNameEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.managerLabel.setBuddy(self.managerEdit)
        self.pinLabel.setBuddy(self.pinEdit)
        self.pinAgainLabel.setBuddy(self.pinAgainEdit)
        self.serverUrlLabel.setBuddy(self.serverUrlEdit)
        self.serverCodeLabel.setBuddy(self.serverCodeEdit)
        self.printerKindLabel.setBuddy(self.printerKindCombo)
        self.printerTargetLabel.setBuddy(self.printerTargetCombo)
        self.paperLabel.setBuddy(self.paperCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunWizard)

        QMetaObject.connectSlotsByName(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"Set up Loyalty Desk", None))
        self.languagePage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Welcome to Loyalty Desk", None))
        self.languagePage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"A few questions and this till is ready. First, the language of the screens.", None))
        self.languageLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Language", None))
        self.languageNote.setText(QCoreApplication.translate("FirstRunWizard", u"You can change it later under Settings.", None))
        self.kindPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"A demo store, or your store?", None))
        self.kindPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"The demo store is for trying things out; it is not for real customers.", None))
        self.demoRadio.setText(QCoreApplication.translate("FirstRunWizard", u"Try the &demo store", None))
        self.demoNote.setText(QCoreApplication.translate("FirstRunWizard", u"A few hundred sample members with fourteen months of purchases, a cashier and a manager, so every screen has something to show.", None))
        self.emptyRadio.setText(QCoreApplication.translate("FirstRunWizard", u"Set up &my store (empty)", None))
        self.emptyNote.setText(QCoreApplication.translate("FirstRunWizard", u"Your store's id, name and time zone, its first manager, then the chain's server and the printer.", None))
        self.storePage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Your store", None))
        self.storePage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"The store id is printed on every receipt and sent to the chain's server; it cannot change later.", None))
        self.storeIdLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Store &id", None))
        self.storeIdEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"e.g. SH001", None))
        self.storeNameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Store &name", None))
        self.storeNameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"e.g. Nanjing Road", None))
        self.timezoneLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Time zone", None))
        self.managerPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"The first manager", None))
        self.managerPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Managers sign in with their name and PIN; they add the other staff under Settings.", None))
        self.managerLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Name", None))
        self.managerEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"e.g. Zhao Min", None))
        self.pinLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"4 to 12 digits", None))
        self.pinAgainLabel.setText(QCoreApplication.translate("FirstRunWizard", u"PIN &again", None))
        self.serverPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"The chain's server (optional)", None))
        self.serverPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"A registered till sends its sales to the chain and sees members enrolled in other stores. Leave both fields empty to register later.", None))
        self.serverUrlLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Server &address", None))
        self.serverUrlEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"https://loyalty.example.com", None))
        self.serverCodeLabel.setText(QCoreApplication.translate("FirstRunWizard", u"One-time &code", None))
        self.serverCodeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"1234-5678-9012", None))
        self.serverNote.setText(QCoreApplication.translate("FirstRunWizard", u"Ask the chain's office for a code; it is used once.", None))
        self.printerPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"The printer", None))
        self.printerPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Vouchers, points slips and member cards go to this printer. Print a test page to check it.", None))
        self.printerKindLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Print to", None))
        self.printerTargetLabel.setText(QCoreApplication.translate("FirstRunWizard", u"P&rinter", None))
        self.paperLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Paper &width", None))
        self.testPrintButton.setText(QCoreApplication.translate("FirstRunWizard", u"Print a &test page", None))
        self.donePage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Ready", None))
        self.donePage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"This till is set up.", None))
    # retranslateUi

