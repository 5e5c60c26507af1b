#pragma once

#include "device/deviceinfo.h"

#include <QDialog>

#include <utility>
#include <vector>

namespace fathom {

// Help → About: Fathom's version and the versions of the libraries it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    AboutDialog(const BuildInfo& build, QWidget* parent = nullptr);
    // {library, version}: Qt, LibTorch, OpenCV, QCustomPlot, … and CUDA, cuDNN when built in.
    static std::vector<std::pair<QString, QString>> versions(const BuildInfo& build);
};

} // namespace fathom
