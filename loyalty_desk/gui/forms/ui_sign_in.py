# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)
from . import loyalty_rc

class Ui_SignInPage(object):
    def setupUi(self, SignInPage):
        if not SignInPage.objectName():
            SignInPage.setObjectName(u"SignInPage")
        self.outer = QGridLayout(SignInPage)
        self.outer.setObjectName(u"outer")
        self.spacer1 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.spacer1, 0, 1, 1, 1)

        self.spacer2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.spacer2, 1, 0, 1, 1)

        self.signInCard = QFrame(SignInPage)
        self.signInCard.setObjectName(u"signInCard")
        self.signInCard.setProperty(u"role", u"card")
        self.signInCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.signInCard.setMinimumSize(QSize(420, 0))
        self.signInCard.setMaximumSize(QSize(460, 16777215))
        self.cardLayout = QVBoxLayout(self.signInCard)
        self.cardLayout.setSpacing(8)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(32, 32, 32, 32)
        self.storeLabel = QLabel(self.signInCard)
        self.storeLabel.setObjectName(u"storeLabel")
        self.storeLabel.setText(u"")
        self.storeLabel.setProperty(u"role", u"title")
        self.storeLabel.setWordWrap(True)
        self.storeLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cardLayout.addWidget(self.storeLabel)

        self.subtitleLabel = QLabel(self.signInCard)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setProperty(u"role", u"subtitle")
        self.subtitleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cardLayout.addWidget(self.subtitleLabel)

        self.spacer3 = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.spacer3)

        self.staffLabel = QLabel(self.signInCard)
        self.staffLabel.setObjectName(u"staffLabel")
        self.staffLabel.setProperty(u"role", u"field")

        self.cardLayout.addWidget(self.staffLabel)

        self.staffCombo = QComboBox(self.signInCard)
        self.staffCombo.setObjectName(u"staffCombo")
        self.staffCombo.setMinimumSize(QSize(0, 40))

        self.cardLayout.addWidget(self.staffCombo)

        self.pinLabel = QLabel(self.signInCard)
        self.pinLabel.setObjectName(u"pinLabel")
        self.pinLabel.setProperty(u"role", u"field")

        self.cardLayout.addWidget(self.pinLabel)

        self.pinEdit = QLineEdit(self.signInCard)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setProperty(u"role", u"pin")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.cardLayout.addWidget(self.pinEdit)

        self.messageLabel = QLabel(self.signInCard)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setProperty(u"role", u"message")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"tone", u"info")

        self.cardLayout.addWidget(self.messageLabel)

        self.signInButton = QPushButton(self.signInCard)
        self.signInButton.setObjectName(u"signInButton")
        icon = QIcon()
        icon.addFile(u":/icons/signin-light.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.signInButton.setIcon(icon)
        self.signInButton.setIconSize(QSize(22, 22))
        self.signInButton.setProperty(u"role", u"primary")
        self.signInButton.setAutoDefault(True)
        self.signInButton.setMinimumSize(QSize(0, 46))

        self.cardLayout.addWidget(self.signInButton)

        self.demoHint = QLabel(self.signInCard)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setText(u"")
        self.demoHint.setProperty(u"role", u"hint")
        self.demoHint.setWordWrap(True)
        self.demoHint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cardLayout.addWidget(self.demoHint)


        self.outer.addWidget(self.signInCard, 1, 1, 1, 1)

        self.spacer4 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.spacer4, 1, 2, 1, 1)

        self.spacer5 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.spacer5, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.staffLabel.setBuddy(self.staffCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.staffCombo, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.signInButton)

        self.retranslateUi(SignInPage)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInPage)
    # setupUi

    def retranslateUi(self, SignInPage):
        self.subtitleLabel.setText(QCoreApplication.translate("SignInPage", u"Sign in to start your shift", None))
        self.staffLabel.setText(QCoreApplication.translate("SignInPage", u"&Staff", None))
        self.pinLabel.setText(QCoreApplication.translate("SignInPage", u"&PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("SignInPage", u"Your PIN", None))
        self.signInButton.setText(QCoreApplication.translate("SignInPage", u"Sign in", None))
        pass
    # retranslateUi

