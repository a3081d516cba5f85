// GUI tests of the desktop conventions: the About dialog names the version and every
// library's licence; the Dark and Light schemes repaint the whole app, charts included (their
// backgrounds and tick labels read back from QCustomPlot and Qt Charts), and are remembered;
// every control a user can reach has a name a screen reader can say, and Alt+letter on a label
// reaches its field.
#include "app/charts/plot_style.h"
#include "app/session/training_types.h"
#include "app/shell/about_dialog.h"
#include "app/shell/color_scheme.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"
#include "core/base/parallel.h"
#include "core/nn/build_info.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QToolButton>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

QString allLabelText(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(u'\n');
}

// The colour a QCustomPlot fills its background with, read from a rendering of it.
QColor plotBackground(QCustomPlot* plot) { return plot->toPixmap(120, 90).toImage().pixelColor(1, 1); }

bool isDark(const QColor& c) { return c.lightnessF() < 0.5; }

// A run of a few epochs, so the residual charts have axes too.
void trainQuickly(MainWindow& w)
{
    QVERIFY(w.openDataFile(kAirline));
    TrainConfig config = w.effectiveConfig();
    config.epochs = 3;
    config.hidden = 4;
    config.layers = 1;
    w.applyConfig(config);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startTraining());
    QVERIFY(finished.wait(60000));
    w.flushPlots();
}

// Every chart of the window is painted in `scheme`'s colours: its background on the dark or
// light side, and its tick labels in the palette's text colour.
void checkCharts(MainWindow& w, bool dark)
{
    const QColor text = qApp->palette().color(QPalette::Text);
    const QList<QCustomPlot*> plots = w.findChildren<QCustomPlot*>();
    QVERIFY(!plots.isEmpty());
    for (QCustomPlot* plot : plots) {
        const QString name = plot->objectName();
        QVERIFY2(isDark(plotBackground(plot)) == dark, qPrintable(name));
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) {
                QVERIFY2(axis->tickLabelColor() == text, qPrintable(name));
                QVERIFY2(axis->labelColor() == text, qPrintable(name));
            }
    }
    const QList<QChartView*> views = w.findChildren<QChartView*>();
    QVERIFY(!views.isEmpty());
    for (QChartView* view : views) {
        const QString name = view->objectName();
        QVERIFY2(isDark(view->chart()->backgroundBrush().color()) == dark, qPrintable(name));
        QVERIFY2(view->chart()->titleBrush().color() == text, qPrintable(name));
        for (QAbstractAxis* axis : view->chart()->axes())
            QVERIFY2(axis->labelsColor() == text, qPrintable(name));
    }
}

// The name a screen reader says for `widget`: its accessibleName, its buddy label's text, or
// for a tool button showing an action the action's text (named once, in app_actions.cpp).
QString spokenName(const QWidget* widget)
{
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (const auto* tool = qobject_cast<const QToolButton*>(widget); tool && tool->defaultAction())
        return tool->defaultAction()->text();
    for (const QLabel* label : widget->window()->findChildren<QLabel*>())
        if (label->buddy() == widget && !label->text().isEmpty())
            return label->text();
    return {};
}

bool isInteractive(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w)
           || qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w);
}

// Controls that Qt makes and names itself: a spin box's or an editable combo box's line edit,
// a table's corner button, the menu and tool bars' overflow buttons, a button box's standard
// buttons (translated by Qt).
bool isNamedByQt(const QWidget* w)
{
    const QWidget* parent = w->parentWidget();
    if (parent && (qobject_cast<const QAbstractSpinBox*>(parent) || qobject_cast<const QComboBox*>(parent)))
        return true;
    if (const auto* box = qobject_cast<const QDialogButtonBox*>(parent))
        if (const auto* button = qobject_cast<const QAbstractButton*>(w))
            return box->standardButton(const_cast<QAbstractButton*>(button)) != QDialogButtonBox::NoButton;
    return w->objectName().startsWith(u"qt_"_s) || w->inherits("QTableCornerButton");
}

} // namespace

class TestAppDesktop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    void cleanup() { applyColorScheme(*qApp, ColorScheme::Light); }

    void aboutDialogShowsVersionBuildAndLicences()
    {
        QWidget parent;
        showAboutDialog(&parent);
        auto* dialog = parent.findChild<QDialog*>(u"aboutDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        const QString text = allLabelText(dialog);
        QVERIFY(text.contains(QCoreApplication::applicationVersion()));
        QVERIFY(text.contains(QStringLiteral(RNNWB_VERSION)));
        // Build: compiler, the Qt running now, Eigen's version and SIMD sets.
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QString::fromStdString(eigenVersion())));
        QVERIFY(text.contains(QString::fromStdString(simdInstructionSets()).toHtmlEscaped()));
        QVERIFY(buildDescription().contains(QString::fromStdString(compilerDescription())));
        // …and the training thread count, which bit-identical reruns also depend on.
        QVERIFY(buildDescription().contains(u"Training threads: %1"_s.arg(threadCount())));
        // Each library with its licence and a link to it.
        for (const char* expected : {"Qt 6", "GNU LGPL version 3", "lgpl-3.0.html", "Qt Charts", "Eigen",
                                     "Mozilla Public License 2.0", "MPL/2.0", "QCustomPlot", "GNU GPL version 3",
                                     "gpl-3.0.html", "nlohmann/json", "MIT licence", "licenses/MIT"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // Asked again, the open dialog comes back to the front: no second one.
        showAboutDialog(&parent);
        QCOMPARE(parent.findChildren<QDialog*>(u"aboutDialog"_s).size(), 1);
        dialog->close();
        QTRY_COMPARE(parent.findChildren<QDialog*>(u"aboutDialog"_s).size(), 0); // deleted on close
    }

    void schemeNamesAndEnvironmentOverride()
    {
        QVERIFY(parseColorScheme(u"Dark"_s) == ColorScheme::Dark);
        QVERIFY(parseColorScheme(u" light "_s) == ColorScheme::Light);
        QVERIFY(parseColorScheme(u"system"_s) == ColorScheme::System);
        QVERIFY(!parseColorScheme(u"purple"_s));
        QSettings().remove(u"colorScheme"_s);
        QCOMPARE(savedColorScheme(), ColorScheme::System);
        saveColorScheme(ColorScheme::Dark);
        QCOMPARE(QSettings().value(u"colorScheme"_s).toString(), u"dark"_s);
        QCOMPARE(savedColorScheme(), ColorScheme::Dark);
        qputenv("RNNWB_THEME", "light");
        QCOMPARE(startupColorScheme(), ColorScheme::Light);
        qputenv("RNNWB_THEME", "nonsense"); // reported on stderr, then the saved scheme
        QCOMPARE(startupColorScheme(), ColorScheme::Dark);
        qunsetenv("RNNWB_THEME");
        QCOMPARE(startupColorScheme(), ColorScheme::Dark);
        QSettings().remove(u"colorScheme"_s);
    }

    void darkAndLightRepaintTheAppAndItsCharts()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        trainQuickly(w);

        applyColorScheme(*qApp, ColorScheme::Dark);
        QCoreApplication::processEvents();
        QCOMPARE(currentColorScheme(), ColorScheme::Dark);
        QCOMPARE(qApp->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
        QVERIFY(isDark(w.palette().color(QPalette::Base)));
        checkCharts(w, true);
        // The series itself is drawn near the text colour, so it shows on the dark background.
        const QCustomPlot* series = w.findChild<QCustomPlot*>(u"seriesPlot"_s);
        QVERIFY(series);
        QCOMPARE(series->graph(0)->name(), u"actual"_s);
        QVERIFY(series->graph(0)->pen().color().lightnessF() > 0.7);

        applyColorScheme(*qApp, ColorScheme::Light);
        QCoreApplication::processEvents();
        QVERIFY(!isDark(qApp->palette().color(QPalette::Window)));
        QVERIFY(!isDark(w.palette().color(QPalette::Base)));
        checkCharts(w, false);
        QVERIFY(series->graph(0)->pen().color().lightnessF() < 0.3);
    }

    void schemeMenuAppliesAndRemembersTheChoice()
    {
        QWidget parent;
        QMenu* menu = createColorSchemeMenu(&parent);
        QCOMPARE(menu->actions().size(), 3);
        QAction* dark = menu->actions().at(2);
        QAction* light = menu->actions().at(1);
        dark->trigger();
        QVERIFY(dark->isChecked());
        QVERIFY(!light->isChecked());
        QCOMPARE(currentColorScheme(), ColorScheme::Dark);
        QVERIFY(isDark(qApp->palette().color(QPalette::Window)));
        QCOMPARE(savedColorScheme(), ColorScheme::Dark);
        light->trigger();
        QVERIFY(light->isChecked() && !dark->isChecked());
        QVERIFY(!isDark(qApp->palette().color(QPalette::Window)));
        QCOMPARE(savedColorScheme(), ColorScheme::Light);
        QSettings().remove(u"colorScheme"_s);
    }

    // Walks the window (with the backtest and sweep dialogs open): every enabled button, line
    // edit, combo box and spin box has a spoken name; every label that is some field's buddy
    // carries an Alt+letter mnemonic.
    void everyControlHasAnAccessibleName()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(kAirline));
        w.actions().backtest->trigger();
        w.actions().sweep->trigger();
        QStringList unnamed, noMnemonic;
        int checked = 0;
        for (QWidget* widget : w.findChildren<QWidget*>()) {
            if (!isInteractive(widget) || !widget->isEnabled() || isNamedByQt(widget))
                continue;
            ++checked;
            if (spokenName(widget).isEmpty())
                unnamed << u"%1 (%2 in %3)"_s.arg(widget->objectName(),
                                                  QString::fromLatin1(widget->metaObject()->className()),
                                                  widget->parentWidget()->objectName());
        }
        for (QLabel* label : w.findChildren<QLabel*>())
            if (label->buddy() && !label->text().contains(u'&'))
                noMnemonic << label->objectName();
        QVERIFY(checked > 30);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without a name: "_s + unnamed.join(u", "_s)));
        QVERIFY2(noMnemonic.isEmpty(), qPrintable(u"buddy labels without a mnemonic: "_s + noMnemonic.join(u", "_s)));
    }

    // Alt+W on "Window:" in the Hyperparameters panel puts the cursor in the window spin box.
    void altLetterFocusesTheLabelledField()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto* window = w.findChild<QAbstractSpinBox*>(u"windowSpin"_s);
        auto* hidden = w.findChild<QAbstractSpinBox*>(u"hiddenSpin"_s);
        QVERIFY(window && hidden);
        QTest::keyClick(&w, Qt::Key_W, Qt::AltModifier);
        QTRY_VERIFY(window->hasFocus());
        QTest::keyClick(&w, Qt::Key_Z, Qt::AltModifier);
        QTRY_VERIFY(hidden->hasFocus());
    }

    // Chart colours: the part colours keep their hue on both schemes and the derived colours
    // move the right way.
    void plotColorsFollowThePalette()
    {
        const PlotColors dark = plotColors(darkPalette());
        QVERIFY(dark.dark);
        QVERIFY(dark.text.lightnessF() > 0.8);
        QVERIFY(dark.grid.lightnessF() > dark.background.lightnessF());
        QVERIFY(dark.grid.lightnessF() < dark.axis.lightnessF());
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        const PlotColors l = plotColors(light);
        QVERIFY(!l.dark);
        QVERIFY(l.grid.lightnessF() < 1.0 && l.grid.lightnessF() > l.axis.lightnessF());
        const QColor red = seriesColor(SeriesHue::Red);
        QVERIFY(onBackground(red, dark).lightnessF() > red.lightnessF());
        QVERIFY(onBackground(red, l).lightnessF() < red.lightnessF());
        QVERIFY(qAbs(mixColors(Qt::black, Qt::white, 0.5).red() - 128) <= 1);
    }
};

QTEST_MAIN(TestAppDesktop)
#include "test_app_desktop.moc"
