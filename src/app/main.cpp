// rnn-workbench: the desktop app. Everything is in rnnwb_app_lib (see app_runner.h).
#include "app/app_runner.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return rnnwb::app::runApplication(app);
}
