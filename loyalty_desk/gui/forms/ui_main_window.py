# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QMainWindow, QSizePolicy, QSpacerItem, QStackedWidget,
    QStatusBar, QToolButton, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        icon = QIcon()
        icon.addFile(u":/icons/app.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        MainWindow.setWindowIcon(icon)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.topBar = QFrame(self.central)
        self.topBar.setObjectName(u"topBar")
        self.topBar.setProperty(u"role", u"topbar")
        self.topBarLayout = QHBoxLayout(self.topBar)
        self.topBarLayout.setSpacing(4)
        self.topBarLayout.setObjectName(u"topBarLayout")
        self.topBarLayout.setContentsMargins(12, 8, 12, 8)
        self.brandIcon = QLabel(self.topBar)
        self.brandIcon.setObjectName(u"brandIcon")
        self.brandIcon.setText(u"")
        self.brandIcon.setPixmap(QPixmap(u":/icons/app.svg"))
        self.brandIcon.setScaledContents(True)
        self.brandIcon.setMaximumSize(QSize(28, 28))
        self.brandIcon.setMinimumSize(QSize(28, 28))

        self.topBarLayout.addWidget(self.brandIcon)

        self.brandLabel = QLabel(self.topBar)
        self.brandLabel.setObjectName(u"brandLabel")
        self.brandLabel.setProperty(u"role", u"brand")

        self.topBarLayout.addWidget(self.brandLabel)

        self.spacer1 = QSpacerItem(12, 20, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.topBarLayout.addItem(self.spacer1)

        self.navCheckout = QToolButton(self.topBar)
        self.navCheckout.setObjectName(u"navCheckout")
        icon1 = QIcon()
        icon1.addFile(u":/icons/checkout.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.navCheckout.setIcon(icon1)
        self.navCheckout.setIconSize(QSize(22, 22))
        self.navCheckout.setCheckable(True)
        self.navCheckout.setAutoExclusive(True)
        self.navCheckout.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.navCheckout.setProperty(u"role", u"nav")
        self.navCheckout.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.navCheckout)

        self.navMembers = QToolButton(self.topBar)
        self.navMembers.setObjectName(u"navMembers")
        icon2 = QIcon()
        icon2.addFile(u":/icons/members.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.navMembers.setIcon(icon2)
        self.navMembers.setIconSize(QSize(22, 22))
        self.navMembers.setCheckable(True)
        self.navMembers.setAutoExclusive(True)
        self.navMembers.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.navMembers.setProperty(u"role", u"nav")
        self.navMembers.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.navMembers)

        self.navReports = QToolButton(self.topBar)
        self.navReports.setObjectName(u"navReports")
        icon3 = QIcon()
        icon3.addFile(u":/icons/reports.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.navReports.setIcon(icon3)
        self.navReports.setIconSize(QSize(22, 22))
        self.navReports.setCheckable(True)
        self.navReports.setAutoExclusive(True)
        self.navReports.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.navReports.setProperty(u"role", u"nav")
        self.navReports.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.navReports)

        self.navAudit = QToolButton(self.topBar)
        self.navAudit.setObjectName(u"navAudit")
        icon4 = QIcon()
        icon4.addFile(u":/icons/audit.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.navAudit.setIcon(icon4)
        self.navAudit.setIconSize(QSize(22, 22))
        self.navAudit.setCheckable(True)
        self.navAudit.setAutoExclusive(True)
        self.navAudit.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.navAudit.setProperty(u"role", u"nav")
        self.navAudit.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.navAudit)

        self.navSettings = QToolButton(self.topBar)
        self.navSettings.setObjectName(u"navSettings")
        icon5 = QIcon()
        icon5.addFile(u":/icons/settings.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.navSettings.setIcon(icon5)
        self.navSettings.setIconSize(QSize(22, 22))
        self.navSettings.setCheckable(True)
        self.navSettings.setAutoExclusive(True)
        self.navSettings.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.navSettings.setProperty(u"role", u"nav")
        self.navSettings.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.navSettings)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topBarLayout.addItem(self.spacer2)

        self.demoBadge = QLabel(self.topBar)
        self.demoBadge.setObjectName(u"demoBadge")
        self.demoBadge.setProperty(u"role", u"badge")
        self.demoBadge.setProperty(u"tier", u"demo")

        self.topBarLayout.addWidget(self.demoBadge)

        self.whoLabel = QLabel(self.topBar)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setText(u"")
        self.whoLabel.setProperty(u"role", u"who")

        self.topBarLayout.addWidget(self.whoLabel)

        self.signOutButton = QToolButton(self.topBar)
        self.signOutButton.setObjectName(u"signOutButton")
        icon6 = QIcon()
        icon6.addFile(u":/icons/signout.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.signOutButton.setIcon(icon6)
        self.signOutButton.setIconSize(QSize(20, 20))
        self.signOutButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.signOutButton.setProperty(u"role", u"nav")
        self.signOutButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBarLayout.addWidget(self.signOutButton)


        self.centralLayout.addWidget(self.topBar)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Loyalty Desk", None))
        self.brandLabel.setText(QCoreApplication.translate("MainWindow", u"Loyalty Desk", None))
        self.navCheckout.setText(QCoreApplication.translate("MainWindow", u"Checkout", None))
#if QT_CONFIG(tooltip)
        self.navCheckout.setToolTip(QCoreApplication.translate("MainWindow", u"Checkout (Ctrl+1)", None))
#endif // QT_CONFIG(tooltip)
        self.navMembers.setText(QCoreApplication.translate("MainWindow", u"Members", None))
#if QT_CONFIG(tooltip)
        self.navMembers.setToolTip(QCoreApplication.translate("MainWindow", u"Members (Ctrl+2)", None))
#endif // QT_CONFIG(tooltip)
        self.navReports.setText(QCoreApplication.translate("MainWindow", u"Reports", None))
#if QT_CONFIG(tooltip)
        self.navReports.setToolTip(QCoreApplication.translate("MainWindow", u"Reports (Ctrl+5)", None))
#endif // QT_CONFIG(tooltip)
        self.navAudit.setText(QCoreApplication.translate("MainWindow", u"Audit log", None))
#if QT_CONFIG(tooltip)
        self.navAudit.setToolTip(QCoreApplication.translate("MainWindow", u"Audit log (Ctrl+3)", None))
#endif // QT_CONFIG(tooltip)
        self.navSettings.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
#if QT_CONFIG(tooltip)
        self.navSettings.setToolTip(QCoreApplication.translate("MainWindow", u"Settings (Ctrl+4)", None))
#endif // QT_CONFIG(tooltip)
        self.demoBadge.setText(QCoreApplication.translate("MainWindow", u"Demo", None))
#if QT_CONFIG(tooltip)
        self.demoBadge.setToolTip(QCoreApplication.translate("MainWindow", u"Generated demo data, not a real store", None))
#endif // QT_CONFIG(tooltip)
        self.signOutButton.setText(QCoreApplication.translate("MainWindow", u"Sign out", None))
#if QT_CONFIG(tooltip)
        self.signOutButton.setToolTip(QCoreApplication.translate("MainWindow", u"Sign out / switch cashier (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

