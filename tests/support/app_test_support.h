#pragma once
// Test-side helpers shared by the GUI tests.
#include "app/shell/app_runner.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"

#include <QApplication>
#include <QWidget>

#include <QAbstractSpinBox>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QtGlobal>

namespace rnnwb::test {

// The offscreen platform warns about every dock widget; the warning says nothing about the app.
inline void quietOffscreenWarnings()
{
    static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (!message.contains(u"propagateSizeHints"))
            previous(type, context, message);
    });
}

// What every GUI test starts with: settings and paths in test mode, the application set up as
// the app sets it up, no remembered settings, no offscreen noise.
inline void initGuiTest()
{
    QStandardPaths::setTestModeEnabled(true);
    rnnwb::app::initApplication();
    quietOffscreenWarnings();
    QSettings().clear();
}

// Writes a test file into dir and returns its path (stops the test run if it cannot).
inline QString writeTestFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write a test file");
    return path;
}

// Types a value into a spin box as a user does: select all, type, Return.
inline void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

// Shows a window and makes it active, so that its shortcuts (F5, Esc, ...) work.
inline bool showActive(QWidget& w)
{
    w.show();
    QApplication::setActiveWindow(&w);
    return QTest::qWaitForWindowActive(&w);
}

#ifdef RNNWB_APP_DATA
// The bundled airline passengers series, as the app reads it.
inline std::vector<double> airlineValues()
{
    const CsvTable table = readCsvFile(RNNWB_APP_DATA "/airline-passengers.csv");
    return extractSeries(table, defaultColumn(table), MissingPolicy::Drop).values;
}
#endif

} // namespace rnnwb::test
