// rnn-workbench: the desktop app. Everything is in rnnwb_app_lib (see app_runner.h).
#include "app/shell/app_runner.h"

int main(int argc, char* argv[]) { return rnnwb::app::runApplication(argc, argv); }
