#include "aboutdialog.h"

#include "common/versions.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fathom {

std::vector<std::pair<QString, QString>> AboutDialog::versions(const BuildInfo& build)
{
    std::vector<std::pair<QString, QString>> rows{
        {QStringLiteral("Fathom"), QString::fromStdString(fathomVersion())},
        {QStringLiteral("Qt"),
         QStringLiteral("%1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR))},
        {QStringLiteral("LibTorch"), QString::fromStdString(build.torchVersion)},
    };
    if (build.cudaBuilt) {
        rows.emplace_back(QStringLiteral("CUDA"), QString::fromStdString(build.cudaVersion));
        rows.emplace_back(QStringLiteral("cuDNN"), QString::fromStdString(build.cudnnVersion));
    }
    for (const auto& [name, version] : libraryVersions())
        rows.emplace_back(QString::fromStdString(name), QString::fromStdString(version));
    rows.emplace_back(QStringLiteral("QCustomPlot"), QLatin1String(QCUSTOMPLOT_VERSION_STR));
    return rows;
}

AboutDialog::AboutDialog(const BuildInfo& build, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Fathom"));
    auto* intro = new QLabel(tr("<h2>Fathom %1</h2><p>Workbench for seabed survey analysts: sidescan sonar, "
                                "sensor series, deep models and reports.</p>")
                                 .arg(QString::fromStdString(fathomVersion())),
                             this);
    intro->setWordWrap(true);
    const auto rows = versions(build);
    auto* table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("versionTable"));
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(rows.size()); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(460, 420);
}

} // namespace fathom
