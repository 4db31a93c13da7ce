; Inno Setup 6 script: the Windows 10/11 installer of the store client.
;
; Build on Windows, from the top of the source tree:
;   pip install -e .[dist,camera]
;   pyinstaller --noconfirm installer\loyalty-desk.spec     (dist\loyalty-desk\ and dist\loyalty-desk-version.iss)
;   iscc installer\loyalty-desk.iss                          (dist\LoyaltyDesk-<version>-setup.exe)
;
; What it does:
; - installs the one-folder bundle to Program Files\Loyalty Desk (64-bit), with Start-menu
;   and (optional, on by default) desktop shortcuts to loyalty-desk-gui.exe;
; - keeps the till's data (database, backups, logs) in ProgramData\LoyaltyDesk, one folder
;   for every Windows account of the PC, writable by ordinary (non-admin) accounts, and
;   tells the programs so through loyalty-desk.ini beside them ([data] dir=...);
; - upgrades in place: the same AppId finds the old installation, a running client is
;   closed first, the old program files are replaced, and the data folder is never touched
;   (the client itself backs the database up before upgrading its schema);
; - uninstalling removes the programs and leaves the data folder.

#define VersionFile AddBackslash(SourcePath) + "..\dist\loyalty-desk-version.iss"
#if FileExists(VersionFile)
  #include VersionFile
#endif
#ifndef AppName
  #define AppName "Loyalty Desk"
#endif
#ifndef AppVersion
  #error Build the bundle first (pyinstaller installer\loyalty-desk.spec): it writes dist\loyalty-desk-version.iss
#endif
#define Bundle AddBackslash(SourcePath) + "..\dist\loyalty-desk"
#define GuiExe "loyalty-desk-gui.exe"
#define DataDir "{commonappdata}\LoyaltyDesk"

[Setup]
; Never change the AppId: it is how an upgrade finds the installed version.
AppId={{6B3F2C1E-8D4A-4C7B-9E25-1F0A7D93C4B8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Loyalty Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=loyalty-desk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=LoyaltyDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade while the client runs: close it (it finishes what it was saving), then replace.
CloseApplications=yes
CloseApplicationsFilter=*.exe
RestartApplications=no
UsePreviousAppDir=yes
UsePreviousTasks=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
; The till's data: shared by all accounts, writable by the cashier's ordinary account,
; never removed by an upgrade or by uninstalling.
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[InstallDelete]
; The previous version's libraries: a file the new bundle no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[INI]
; Read by loyalty_desk/services/paths.py: where the data lives when installed this way.
Filename: "{app}\loyalty-desk.ini"; Section: "data"; Key: "dir"; String: "{#DataDir}"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{#DataDir}"
Name: "{autoprograms}\{#AppName} data folder"; Filename: "{#DataDir}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{#DataDir}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: files; Name: "{app}\loyalty-desk.ini"
