#pragma once
// Test-side helper: runs the rnnwb binary of this build and collects what it said.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace rnnwb::test {

struct CliResult {
    int exitCode = -1; // -1 when it crashed or hung
    QByteArray out, err;
};

inline CliResult runRnnwb(const QStringList& args,
                          const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(RNNWB_BIN_DIR "/rnnwb"), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace rnnwb::test
