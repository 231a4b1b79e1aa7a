// SPDX-License-Identifier: MIT
// kconfig-studio: the desktop configurator.
#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    return 0;
}
