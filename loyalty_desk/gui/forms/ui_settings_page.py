# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.outer = QHBoxLayout(SettingsPage)
        self.outer.setSpacing(16)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(16, 16, 16, 16)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(12)
        self.leftColumn.setObjectName(u"leftColumn")
        self.storeGroup = QGroupBox(SettingsPage)
        self.storeGroup.setObjectName(u"storeGroup")
        self.storeForm = QGridLayout(self.storeGroup)
        self.storeForm.setSpacing(10)
        self.storeForm.setObjectName(u"storeForm")
        self.storeIdLabel = QLabel(self.storeGroup)
        self.storeIdLabel.setObjectName(u"storeIdLabel")
        self.storeIdLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.storeIdLabel, 0, 0, 1, 1)

        self.storeIdValue = QLabel(self.storeGroup)
        self.storeIdValue.setObjectName(u"storeIdValue")
        self.storeIdValue.setText(u"")
        self.storeIdValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.storeForm.addWidget(self.storeIdValue, 0, 1, 1, 1)

        self.storeNameLabel = QLabel(self.storeGroup)
        self.storeNameLabel.setObjectName(u"storeNameLabel")
        self.storeNameLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.storeNameLabel, 1, 0, 1, 1)

        self.storeNameEdit = QLineEdit(self.storeGroup)
        self.storeNameEdit.setObjectName(u"storeNameEdit")
        self.storeNameEdit.setMaxLength(80)

        self.storeForm.addWidget(self.storeNameEdit, 1, 1, 1, 1)

        self.timezoneLabel = QLabel(self.storeGroup)
        self.timezoneLabel.setObjectName(u"timezoneLabel")
        self.timezoneLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.timezoneLabel, 2, 0, 1, 1)

        self.timezoneCombo = QComboBox(self.storeGroup)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.storeForm.addWidget(self.timezoneCombo, 2, 1, 1, 1)

        self.languageLabel = QLabel(self.storeGroup)
        self.languageLabel.setObjectName(u"languageLabel")
        self.languageLabel.setProperty(u"role", u"field")

        self.storeForm.addWidget(self.languageLabel, 3, 0, 1, 1)

        self.languageCombo = QComboBox(self.storeGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.storeForm.addWidget(self.languageCombo, 3, 1, 1, 1)

        self.storeForm.setColumnStretch(1, 1)

        self.leftColumn.addWidget(self.storeGroup)

        self.printerGroup = QGroupBox(SettingsPage)
        self.printerGroup.setObjectName(u"printerGroup")
        self.printerForm = QGridLayout(self.printerGroup)
        self.printerForm.setSpacing(10)
        self.printerForm.setObjectName(u"printerForm")
        self.printerKindLabel = QLabel(self.printerGroup)
        self.printerKindLabel.setObjectName(u"printerKindLabel")
        self.printerKindLabel.setProperty(u"role", u"field")

        self.printerForm.addWidget(self.printerKindLabel, 0, 0, 1, 1)

        self.printerKindCombo = QComboBox(self.printerGroup)
        self.printerKindCombo.setObjectName(u"printerKindCombo")

        self.printerForm.addWidget(self.printerKindCombo, 0, 1, 1, 1)

        self.printerTargetLabel = QLabel(self.printerGroup)
        self.printerTargetLabel.setObjectName(u"printerTargetLabel")
        self.printerTargetLabel.setProperty(u"role", u"field")

        self.printerForm.addWidget(self.printerTargetLabel, 1, 0, 1, 1)

        self.printerTargetCombo = QComboBox(self.printerGroup)
        self.printerTargetCombo.setObjectName(u"printerTargetCombo")
        self.printerTargetCombo.setEditable(True)

        self.printerForm.addWidget(self.printerTargetCombo, 1, 1, 1, 1)

        self.printerGap = QWidget(self.printerGroup)
        self.printerGap.setObjectName(u"printerGap")

        self.printerForm.addWidget(self.printerGap, 2, 0, 1, 1)

        self.printerHint = QLabel(self.printerGroup)
        self.printerHint.setObjectName(u"printerHint")
        self.printerHint.setText(u"")
        self.printerHint.setProperty(u"role", u"hint")
        self.printerHint.setWordWrap(True)

        self.printerForm.addWidget(self.printerHint, 2, 1, 1, 1)

        self.paperLabel = QLabel(self.printerGroup)
        self.paperLabel.setObjectName(u"paperLabel")
        self.paperLabel.setProperty(u"role", u"field")

        self.printerForm.addWidget(self.paperLabel, 3, 0, 1, 1)

        self.paperCombo = QComboBox(self.printerGroup)
        self.paperCombo.setObjectName(u"paperCombo")

        self.printerForm.addWidget(self.paperCombo, 3, 1, 1, 1)

        self.qrLabel = QLabel(self.printerGroup)
        self.qrLabel.setObjectName(u"qrLabel")
        self.qrLabel.setProperty(u"role", u"field")

        self.printerForm.addWidget(self.qrLabel, 4, 0, 1, 1)

        self.qrCombo = QComboBox(self.printerGroup)
        self.qrCombo.setObjectName(u"qrCombo")

        self.printerForm.addWidget(self.qrCombo, 4, 1, 1, 1)

        self.printerForm.setColumnStretch(1, 1)

        self.leftColumn.addWidget(self.printerGroup)

        self.settingsMessage = QLabel(SettingsPage)
        self.settingsMessage.setObjectName(u"settingsMessage")
        self.settingsMessage.setText(u"")
        self.settingsMessage.setProperty(u"role", u"message")
        self.settingsMessage.setWordWrap(True)
        self.settingsMessage.setProperty(u"tone", u"info")

        self.leftColumn.addWidget(self.settingsMessage)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.languageNote = QLabel(SettingsPage)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setText(u"")
        self.languageNote.setProperty(u"role", u"hint")
        self.languageNote.setWordWrap(True)

        self.saveRow.addWidget(self.languageNote)

        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.spacer1)

        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setProperty(u"role", u"primary")
        self.saveButton.setAutoDefault(False)

        self.saveRow.addWidget(self.saveButton)


        self.leftColumn.addLayout(self.saveRow)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.spacer2)


        self.outer.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(12)
        self.rightColumn.setObjectName(u"rightColumn")
        self.staffGroup = QGroupBox(SettingsPage)
        self.staffGroup.setObjectName(u"staffGroup")
        self.staffLayout = QVBoxLayout(self.staffGroup)
        self.staffLayout.setSpacing(10)
        self.staffLayout.setObjectName(u"staffLayout")
        self.staffView = QTableView(self.staffGroup)
        self.staffView.setObjectName(u"staffView")
        self.staffView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staffView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.staffView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staffView.setAlternatingRowColors(True)
        self.staffView.setShowGrid(False)

        self.staffLayout.addWidget(self.staffView)

        self.staffButtons = QGridLayout()
        self.staffButtons.setSpacing(8)
        self.staffButtons.setObjectName(u"staffButtons")
        self.addStaffButton = QPushButton(self.staffGroup)
        self.addStaffButton.setObjectName(u"addStaffButton")
        icon = QIcon()
        icon.addFile(u":/icons/enrol.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.addStaffButton.setIcon(icon)
        self.addStaffButton.setIconSize(QSize(22, 22))
        self.addStaffButton.setAutoDefault(False)

        self.staffButtons.addWidget(self.addStaffButton, 0, 0, 1, 1)

        self.setPinButton = QPushButton(self.staffGroup)
        self.setPinButton.setObjectName(u"setPinButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/lock.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.setPinButton.setIcon(icon1)
        self.setPinButton.setIconSize(QSize(22, 22))
        self.setPinButton.setAutoDefault(False)

        self.staffButtons.addWidget(self.setPinButton, 0, 1, 1, 1)

        self.unlockButton = QPushButton(self.staffGroup)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setAutoDefault(False)

        self.staffButtons.addWidget(self.unlockButton, 1, 0, 1, 1)

        self.activeButton = QPushButton(self.staffGroup)
        self.activeButton.setObjectName(u"activeButton")
        self.activeButton.setProperty(u"role", u"danger")
        self.activeButton.setAutoDefault(False)

        self.staffButtons.addWidget(self.activeButton, 1, 1, 1, 1)


        self.staffLayout.addLayout(self.staffButtons)

        self.staffMessage = QLabel(self.staffGroup)
        self.staffMessage.setObjectName(u"staffMessage")
        self.staffMessage.setText(u"")
        self.staffMessage.setProperty(u"role", u"message")
        self.staffMessage.setWordWrap(True)
        self.staffMessage.setProperty(u"tone", u"info")

        self.staffLayout.addWidget(self.staffMessage)


        self.rightColumn.addWidget(self.staffGroup)

        self.rightColumn.setStretch(0, 1)

        self.outer.addLayout(self.rightColumn)

        self.outer.setStretch(0, 1)
        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.storeNameLabel.setBuddy(self.storeNameEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.languageLabel.setBuddy(self.languageCombo)
        self.printerKindLabel.setBuddy(self.printerKindCombo)
        self.printerTargetLabel.setBuddy(self.printerTargetCombo)
        self.paperLabel.setBuddy(self.paperCombo)
        self.qrLabel.setBuddy(self.qrCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.storeGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Store", None))
        self.storeIdLabel.setText(QCoreApplication.translate("SettingsPage", u"Store id", None))
        self.storeNameLabel.setText(QCoreApplication.translate("SettingsPage", u"Store &name", None))
        self.timezoneLabel.setText(QCoreApplication.translate("SettingsPage", u"&Time zone", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"&Language", None))
        self.printerGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Printer for vouchers and slips", None))
        self.printerKindLabel.setText(QCoreApplication.translate("SettingsPage", u"&Printer", None))
        self.printerTargetLabel.setText(QCoreApplication.translate("SettingsPage", u"&Which", None))
        self.paperLabel.setText(QCoreApplication.translate("SettingsPage", u"Paper wi&dth", None))
        self.qrLabel.setText(QCoreApplication.translate("SettingsPage", u"&QR codes", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"Save settings", None))
        self.staffGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Staff accounts", None))
        self.addStaffButton.setText(QCoreApplication.translate("SettingsPage", u"Add staff\u2026", None))
        self.setPinButton.setText(QCoreApplication.translate("SettingsPage", u"New PIN\u2026", None))
        self.unlockButton.setText(QCoreApplication.translate("SettingsPage", u"Unlock\u2026", None))
        self.activeButton.setText(QCoreApplication.translate("SettingsPage", u"Close account\u2026", None))
        pass
    # retranslateUi

