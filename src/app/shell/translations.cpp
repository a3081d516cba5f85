#include "app/shell/translations.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace rnnwb::app {

namespace {

// The tr() context of the language menu's strings.
class LanguageMenu {
    Q_DECLARE_TR_FUNCTIONS(LanguageMenu)
};

const QString kLanguageKey = u"language"_s;
const QString kOverrideVariable = u"RNNWB_LANG"_s;
const QString kTranslatorName = u"rnnwb-translator"_s;

QString installedLanguage = kEnglish.toString();

// A choice spelled as the setting and RNNWB_LANG spell it, or an empty string.
QString knownLanguage(const QString& choice)
{
    if (choice == kChinese)
        return kChinese.toString();
    if (choice == kEnglish)
        return kEnglish.toString();
    return {};
}

// Loads `file` (a .qm base name) from `directory` into a translator owned by the application.
bool addTranslator(QApplication& app, const QString& file, const QString& directory)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (!translator->load(file, directory)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

// Asks whether to restart now for the chosen language to show, and does it when the user says so.
void offerRestart(QWidget* window)
{
    QMessageBox box(QMessageBox::Information, LanguageMenu::tr("Language"),
                    LanguageMenu::tr("The new language is used from the next start of RNN Workbench."),
                    QMessageBox::NoButton, window);
    QPushButton* restart = box.addButton(LanguageMenu::tr("&Restart Now"), QMessageBox::AcceptRole);
    box.addButton(LanguageMenu::tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(restart);
    box.exec();
    if (box.clickedButton() == restart && window)
        restartApplication(window);
}

QAction* addLanguageAction(QMenu* menu, QActionGroup* group, const QString& text, QStringView language)
{
    QAction* action = menu->addAction(text);
    action->setCheckable(true);
    action->setData(language.toString());
    action->setChecked(languageSetting() == language);
    group->addAction(action);
    return action;
}

} // namespace

QString languageSetting()
{
    const QString saved = QSettings().value(kLanguageKey).toString();
    const QString known = knownLanguage(saved);
    return known.isEmpty() ? kSystemLanguage.toString() : known;
}

void setLanguageSetting(const QString& language) { QSettings().setValue(kLanguageKey, language); }

QString chooseLanguage(const QString& override, const QString& setting, const QLocale& system)
{
    for (const QString& choice : {override, setting})
        if (const QString language = knownLanguage(choice); !language.isEmpty())
            return language;
    const bool simplifiedChinese
        = system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript;
    return simplifiedChinese ? kChinese.toString() : kEnglish.toString();
}

void installTranslations(QApplication& app)
{
    qDeleteAll(app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly));
    installedLanguage
        = chooseLanguage(qEnvironmentVariable(qPrintable(kOverrideVariable)), languageSetting(), QLocale::system());
    if (installedLanguage == kEnglish)
        return;
    // Qt's own strings first: translators installed later are asked first, so the app's win.
    addTranslator(app, u"qtbase_"_s + installedLanguage, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!addTranslator(app, u"rnnwb_"_s + installedLanguage, u":/i18n"_s)) {
        std::fprintf(stderr, "rnn-workbench: the %s translation is missing from this build; showing English\n",
                     qPrintable(installedLanguage));
        installedLanguage = kEnglish.toString();
    }
}

QString activeLanguage() { return installedLanguage; }

QMenu* createLanguageMenu(QWidget* parent)
{
    auto* menu = new QMenu(LanguageMenu::tr("Lan&guage"), parent);
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    addLanguageAction(menu, group, LanguageMenu::tr("&System Language"), kSystemLanguage);
    menu->addSeparator();
    // Each language by its own name, whatever the language shown.
    addLanguageAction(menu, group, u"&English"_s, kEnglish);
    addLanguageAction(menu, group, u"简体中文(&C)"_s, kChinese);
    QObject::connect(group, &QActionGroup::triggered, menu, [parent](QAction* action) {
        const QString choice = action->data().toString();
        setLanguageSetting(choice);
        const QString next = chooseLanguage({}, choice, QLocale::system());
        if (next != activeLanguage())
            offerRestart(parent ? parent->window() : QApplication::activeWindow());
    });
    return menu;
}

bool restartApplication(QWidget* window)
{
    if (!window->close())
        return false; // the user kept the window (unsaved work)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(kOverrideVariable);
    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments(QCoreApplication::arguments().mid(1));
    process.setProcessEnvironment(environment);
    if (!process.startDetached()) {
        QMessageBox::warning(nullptr, LanguageMenu::tr("Language"),
                             LanguageMenu::tr("RNN Workbench could not start again: %1").arg(process.errorString()));
        return false;
    }
    return true;
}

} // namespace rnnwb::app
