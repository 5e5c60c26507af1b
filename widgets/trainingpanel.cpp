#include "trainingpanel.h"

#include "lossaxes.h"
#include "modelsettingsdialog.h"

#include "plotlegend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace fathom {

namespace {

const char* const kModels[] = {"lstm", "gru", "cnn_lstm", "spike", "rule", "ensemble", "patchtst", "dlinear"};
const QColor kColors[] = {QColor(31, 119, 180), QColor(214, 39, 40),  QColor(44, 160, 44), QColor(148, 103, 189),
                          QColor(255, 127, 14), QColor(23, 190, 207), QColor(140, 86, 75), QColor(127, 127, 127)};

QString duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    const auto s = qint64(std::llround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_form = new QFormLayout;
    auto* dataRow = new QHBoxLayout;
    m_data = new QLineEdit(this);
    m_data->setObjectName(QStringLiteral("trainingData"));
    m_browse = new QToolButton(this);
    m_browse->setText(QStringLiteral("…"));
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(m_browse);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("trainingTarget"));
    m_labels = new QComboBox(this);
    m_labels->setObjectName(QStringLiteral("trainingLabels"));
    m_skip = new QLineEdit(this);
    m_skip->setObjectName(QStringLiteral("trainingSkip"));
    auto* models = new QGridLayout;
    int i = 0;
    for (const char* name : kModels) {
        auto* box = new QCheckBox(QString::fromLatin1(name), this);
        box->setObjectName(QStringLiteral("model_%1").arg(QLatin1String(name)));
        models->addWidget(box, i / 4, i % 4);
        m_models[QLatin1String(name)] = box;
        ++i;
    }
    m_sizesButton = new QToolButton(this);
    m_sizesButton->setObjectName(QStringLiteral("modelSettingsButton"));
    models->addWidget(m_sizesButton, 2, 0, 1, 4, Qt::AlignLeft);
    m_lookback = new QSpinBox(this);
    m_lookback->setRange(4, 4096);
    m_split = new QLineEdit(this);
    m_split->setObjectName(QStringLiteral("trainingSplit"));
    m_splitLabel = new QLabel(this);
    auto* lookbackRow = new QHBoxLayout;
    lookbackRow->addWidget(m_lookback, 1);
    lookbackRow->addWidget(m_splitLabel);
    lookbackRow->addWidget(m_split, 1);
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 10000);
    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 65536);
    m_accumulate = new QSpinBox(this);
    m_accumulate->setObjectName(QStringLiteral("accumulate"));
    m_accumulate->setRange(1, 1024);
    m_accumulateLabel = new QLabel(this);
    auto* batchRow = new QHBoxLayout;
    batchRow->addWidget(m_batch, 1);
    batchRow->addWidget(m_accumulateLabel);
    batchRow->addWidget(m_accumulate, 1);
    m_rate = new QDoubleSpinBox(this);
    m_rate->setDecimals(5);
    m_rate->setRange(1e-5, 1.0);
    m_rate->setSingleStep(1e-4);
    m_profile = new QLabel(this);
    m_profile->setWordWrap(true);
    m_runOn = new QComboBox(this);
    m_runOn->setObjectName(QStringLiteral("runOn"));
    m_runOn->addItems({QString(), QString()});
    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("remoteHost"));
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_host->setMinimumContentsLength(12);
    m_remoteCli = new QLineEdit(this);
    m_remoteCli->setObjectName(QStringLiteral("remoteCli"));
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_remoteCli, 1);
    for (int row = 0; row < 11; ++row)
        m_formLabels.append(new QLabel(this));
    m_form->addRow(m_formLabels[0], dataRow);
    m_form->addRow(m_formLabels[1], m_target);
    m_form->addRow(m_formLabels[2], m_labels);
    m_form->addRow(m_formLabels[3], m_skip);
    m_form->addRow(m_formLabels[4], models);
    m_form->addRow(m_formLabels[5], lookbackRow);
    m_form->addRow(m_formLabels[6], m_epochs);
    m_form->addRow(m_formLabels[7], batchRow);
    m_form->addRow(m_formLabels[8], m_rate);
    m_form->addRow(m_formLabels[9], m_runOn);
    m_form->addRow(m_formLabels[10], hostRow);
    m_form->addRow(m_profile);
    layout->addLayout(m_form);

    auto* buttons = new QHBoxLayout;
    m_train = new QPushButton(this);
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_retrain = new QPushButton(this);
    m_retrain->setObjectName(QStringLiteral("retrainButton"));
    buttons->addWidget(m_train);
    buttons->addWidget(m_retrain);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    m_memory = new QLabel(this);
    m_memory->setObjectName(QStringLiteral("trainingMemory"));
    m_memory->setWordWrap(true);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_memory);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("lossPlot"));
    m_plot->setMinimumHeight(170); // the legend takes two rows of it
    setLossAxes(m_plot);
    m_plot->setFont(font());
    putLegendUnderAxes(m_plot, 2);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    layout->addWidget(m_plot, 1);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setMaximumHeight(90);
    layout->addWidget(m_log);

    m_registry = new QTableWidget(0, 6, this);
    m_registry->setObjectName(QStringLiteral("modelRegistry"));
    m_registry->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_registry->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_registry->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_registry->verticalHeader()->hide();
    m_registry->horizontalHeader()->setStretchLastSection(true);
    m_registry->setMinimumHeight(90);
    layout->addWidget(m_registry);
    auto* registryButtons = new QHBoxLayout;
    m_setActive = new QPushButton(this);
    m_delete = new QPushButton(this);
    registryButtons->addWidget(m_setActive);
    registryButtons->addWidget(m_delete);
    m_compare = new QPushButton(this);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    registryButtons->addWidget(m_compare);
    registryButtons->addStretch(1);
    layout->addLayout(registryButtons);

    connect(m_browse, &QToolButton::clicked, this, &TrainingPanel::browseRequested);
    connect(m_sizesButton, &QToolButton::clicked, this, [this] {
        ModelSettingsDialog dialog(m_sizes, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_sizes = dialog.sizes();
            showSizes();
        }
    });
    connect(m_train, &QPushButton::clicked, this, [this] { emit startRequested(settings()); });
    connect(m_retrain, &QPushButton::clicked, this, [this] { emit retrainRequested(settings()); });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        retranslate();
        emit pauseToggled(paused);
    });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    const auto selected = [this] {
        const int row = m_registry->currentRow();
        return row >= 0 && row < m_entries.size() ? m_entries[row].folder : QString();
    };
    connect(m_setActive, &QPushButton::clicked, this, [this, selected] {
        if (!selected().isEmpty())
            emit activeModelRequested(selected());
    });
    connect(m_registry, &QTableWidget::cellDoubleClicked, this, [this, selected] {
        if (!selected().isEmpty())
            emit activeModelRequested(selected());
    });
    connect(m_delete, &QPushButton::clicked, this, [this, selected] {
        if (!selected().isEmpty())
            emit deleteModelRequested(selected());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const auto folders = selectedFolders();
        if (folders.size() == 2)
            emit compareRequested(folders[0], folders[1]);
    });
    connect(m_registry, &QTableWidget::itemSelectionChanged, this, &TrainingPanel::refreshButtons);
    connect(m_data, &QLineEdit::textChanged, this, &TrainingPanel::refreshButtons);
    connect(m_runOn, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_form->setRowVisible(10, index == 1);
        refreshButtons();
    });
    connect(m_host, &QComboBox::currentTextChanged, this, &TrainingPanel::refreshButtons);
    for (auto* box : m_models)
        connect(box, &QCheckBox::toggled, this, &TrainingPanel::refreshButtons);
    setSettings({});
    retranslate();
    refreshButtons();
}

void TrainingPanel::setChannels(const QStringList& channels)
{
    // What was asked for before the channels were known wins over what the empty lists showed.
    const auto target = m_wantedTarget.isEmpty() ? m_target->currentText() : m_wantedTarget;
    const auto labels = m_wantedLabels.isEmpty() ? m_labels->currentData().toString() : m_wantedLabels;
    m_target->clear();
    m_target->addItems(channels);
    m_target->setCurrentText(target);
    m_labels->clear();
    m_labels->addItem(tr("(none)"), QString());
    for (const auto& c : channels)
        m_labels->addItem(c, c);
    m_labels->setCurrentIndex(std::max(0, m_labels->findData(labels)));
    refreshButtons();
}

void TrainingPanel::setSettings(const Settings& s)
{
    m_data->setText(s.data);
    m_wantedTarget = s.target;
    m_wantedLabels = s.labels;
    if (!s.target.isEmpty())
        m_target->setCurrentText(s.target);
    m_labels->setCurrentIndex(std::max(0, m_labels->findData(s.labels)));
    m_skip->setText(s.skip.join(QStringLiteral(", ")));
    for (auto it = m_models.begin(); it != m_models.end(); ++it)
        it.value()->setChecked(s.models.contains(it.key()));
    m_lookback->setValue(s.lookback);
    m_epochs->setValue(s.epochs);
    m_batch->setValue(s.batch);
    m_accumulate->setValue(std::max(1, s.accumulate));
    m_split->setText(s.split);
    m_rate->setValue(s.learningRate);
    m_sizes = s.sizes;
    m_runOn->setCurrentIndex(s.remoteHost.isEmpty() ? 0 : 1);
    m_form->setRowVisible(10, !s.remoteHost.isEmpty());
    if (!s.remoteHost.isEmpty())
        m_host->setCurrentText(s.remoteHost);
    m_remoteCli->setText(s.remoteCli);
    showSizes();
}

void TrainingPanel::setRemoteHosts(const QStringList& hosts)
{
    const auto current = m_host->currentText();
    m_host->clear();
    m_host->addItems(hosts);
    m_host->setCurrentText(current);
}

QStringList TrainingPanel::Settings::dataFiles() const
{
    QStringList files;
    for (const auto& part : data.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (const auto file = part.trimmed(); !file.isEmpty())
            files << file;
    return files;
}

QString TrainingPanel::joinDataFiles(const QStringList& files)
{
    return files.join(QStringLiteral("; "));
}

TrainingPanel::Settings TrainingPanel::settings() const
{
    Settings s;
    s.data = m_data->text().trimmed();
    s.target = m_target->currentText();
    s.labels = m_labels->currentData().toString();
    for (const auto& name : m_skip->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        s.skip << name.trimmed();
    for (const char* name : kModels)
        if (m_models[QLatin1String(name)]->isChecked())
            s.models << QLatin1String(name);
    s.lookback = m_lookback->value();
    s.epochs = m_epochs->value();
    s.batch = m_batch->value();
    s.accumulate = m_accumulate->value();
    s.split = m_split->text().trimmed();
    s.learningRate = m_rate->value();
    s.sizes = m_sizes;
    if (m_runOn->currentIndex() == 1)
        s.remoteHost = m_host->currentText().trimmed();
    s.remoteCli =
        m_remoteCli->text().trimmed().isEmpty() ? QStringLiteral("fathom-cli") : m_remoteCli->text().trimmed();
    return s;
}

void TrainingPanel::setProfileBatch(int batch, const QString& device)
{
    m_profileBatch = batch;
    m_profileDevice = device;
    if (!m_running && batch > 0)
        m_batch->setValue(batch);
    retranslate();
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    if (!running) {
        m_pause->blockSignals(true);
        m_pause->setChecked(false);
        m_pause->blockSignals(false);
    }
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_data, m_browse, m_target, m_labels, m_skip, m_lookback, m_split, m_epochs,
                                         m_batch, m_accumulate, m_rate, m_runOn, m_host, m_remoteCli, m_sizesButton})
        w->setEnabled(!running);
    for (auto* box : m_models)
        box->setEnabled(!running);
    retranslate();
    refreshButtons();
}

void TrainingPanel::refreshButtons()
{
    const auto s = settings();
    const bool remote = m_runOn->currentIndex() == 1;
    m_train->setEnabled(!m_running && !s.dataFiles().isEmpty() && !s.target.isEmpty() && !s.models.isEmpty() &&
                        (!remote || !s.remoteHost.isEmpty()));
    m_retrain->setEnabled(!m_running && !m_activeFolder.isEmpty() && !remote);
    m_pause->setEnabled(m_running);
    m_cancel->setEnabled(m_running);
    m_setActive->setEnabled(!m_entries.isEmpty());
    m_delete->setEnabled(!m_entries.isEmpty() && !m_running);
    m_compare->setEnabled(selectedFolders().size() == 2);
}

void TrainingPanel::showProgress(const Progress& p)
{
    const double perModel =
        p.epochs > 0 && p.steps > 0 ? (double(p.epoch - 1) + double(p.step) / double(p.steps)) / double(p.epochs) : 0.0;
    m_progress->setValue(int(1000 * (double(p.modelIndex) + perModel) / std::max(1, p.models)));
    m_status->setText(tr("%1 (%2 of %3): epoch %4/%5 · loss %6 · %7 samples/s · ETA %8")
                          .arg(p.model)
                          .arg(p.modelIndex + 1)
                          .arg(p.models)
                          .arg(p.epoch)
                          .arg(p.epochs)
                          .arg(p.loss, 0, 'g', 4)
                          .arg(p.samplesPerSecond, 0, 'f', 0)
                          .arg(duration(p.etaSeconds)));
}

void TrainingPanel::addEpoch(const QString& model, int epoch, double trainLoss, double validationLoss)
{
    const auto graphFor = [this](const QString& name, int colour, Qt::PenStyle style) {
        for (int i = 0; i < m_plot->graphCount(); ++i)
            if (m_plot->graph(i)->name() == name)
                return m_plot->graph(i);
        auto* g = m_plot->addGraph();
        g->setName(name);
        g->setPen(QPen(kColors[colour % int(std::size(kColors))], 1.5, style));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
        return g;
    };
    int colour = 0;
    for (const char* name : kModels) {
        if (model == QLatin1String(name))
            break;
        ++colour;
    }
    if (std::isfinite(trainLoss) && trainLoss > 0)
        graphFor(tr("%1 training").arg(model), colour, Qt::SolidLine)->addData(epoch, trainLoss);
    if (std::isfinite(validationLoss) && validationLoss > 0)
        graphFor(tr("%1 validation").arg(model), colour, Qt::DashLine)->addData(epoch, validationLoss);
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(0.5, std::max(2.0, m_plot->xAxis->range().upper + 0.5));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPanel::clearCurves()
{
    m_plot->clearGraphs();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_progress->setValue(0);
}

void TrainingPanel::setEntries(const QVector<Entry>& entries, const QString& activeFolder)
{
    m_entries = entries;
    m_activeFolder = activeFolder;
    m_registry->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const auto& e = entries[row];
        const bool active = e.folder == activeFolder;
        const QStringList cells = {(active ? QStringLiteral("● ") : QString()) + e.name,
                                   QString::number(e.validationMse, 'g', 4),
                                   QString::number(e.testMse, 'g', 4),
                                   QString::number(e.epochs),
                                   duration(e.seconds),
                                   e.device};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(e.folder);
            if (active) {
                auto f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_registry->setItem(row, c, item);
        }
    }
    m_registry->resizeColumnsToContents();
    refreshButtons();
}

void TrainingPanel::setStatus(const QString& text)
{
    m_status->setText(text);
}

void TrainingPanel::setDeviceMemory(const QString& text)
{
    m_memory->setText(tr("Memory: %1").arg(text));
}

void TrainingPanel::appendLog(const QString& line)
{
    m_log->appendPlainText(line);
}

QStringList TrainingPanel::selectedFolders() const
{
    QStringList folders;
    for (const auto& index : m_registry->selectionModel()->selectedRows())
        if (index.row() < m_entries.size())
            folders << m_entries[index.row()].folder;
    return folders;
}

void TrainingPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrainingPanel::showSizes()
{
    m_sizesButton->setToolTip(
        tr("Dropout %1 for every model; PatchTST: width %2, heads %3, layers %4, feed-forward %5, patches of %6 "
           "steps every %7, RevIN %8")
            .arg(double(m_sizes.dropout), 0, 'g', 3)
            .arg(m_sizes.width)
            .arg(m_sizes.heads)
            .arg(m_sizes.layers)
            .arg(m_sizes.feedForward > 0 ? m_sizes.feedForward : 2 * m_sizes.width)
            .arg(m_sizes.patchLength)
            .arg(m_sizes.patchStride)
            .arg(m_sizes.revinAffine ? tr("with learned scale and shift") : tr("without learned scale and shift")));
}

void TrainingPanel::retranslate()
{
    const QString labels[] = {tr("Data"),          tr("Target"),   tr("Labels"), tr("Leave out"),
                              tr("Models"),        tr("Lookback"), tr("Epochs"), tr("Batch"),
                              tr("Learning rate"), tr("Run on"),   tr("Host")};
    for (int row = 0; row < m_formLabels.size(); ++row)
        m_formLabels[row]->setText(labels[row]);
    m_data->setPlaceholderText(tr("CSV or TSV file with the sensor series"));
    m_data->setToolTip(tr("The file to train on, or several separated by ';': they are trained on as one data "
                          "set, in the order given, and need the same channels"));
    m_browse->setToolTip(tr("Choose the data file, or several (they are trained on as one data set)"));
    m_labels->setToolTip(tr("A 0/1 column marking anomalous rows: the spike detector learns from it"));
    if (m_labels->count() > 0)
        m_labels->setItemText(0, tr("(none)"));
    m_lookback->setSuffix(tr(" steps"));
    m_splitLabel->setText(tr("split"));
    m_split->setPlaceholderText(QStringLiteral("70/15/15"));
    const auto split = tr("Training, validation and test parts in row order: shares in percent (70/15/15), or the "
                          "times the validation and the test parts begin (2025-11-23 06:42, 2025-11-23 06:43)");
    m_split->setToolTip(split);
    m_splitLabel->setToolTip(split);
    m_accumulateLabel->setText(tr("accumulated ×"));
    const auto accumulation = tr("Gradient accumulation: the gradients of this many batches are summed before the "
                                 "weights move, as one batch that many times larger would, in one batch's memory");
    m_accumulate->setToolTip(accumulation);
    m_accumulateLabel->setToolTip(accumulation);
    m_runOn->setItemText(0, tr("This machine"));
    m_runOn->setItemText(1, tr("A remote host (SSH)"));
    m_runOn->setToolTip(tr("A remote host gets a copy of the data and runs fathom-cli there; progress and the "
                           "trained models come back here"));
    m_host->setToolTip(tr("A host from your ~/.ssh/config, or user@host: your own keys and agent are used, "
                          "Fathom stores no secret"));
    m_host->lineEdit()->setPlaceholderText(tr("host"));
    m_remoteCli->setPlaceholderText(tr("fathom-cli on that host"));
    m_remoteCli->setToolTip(tr("The command or full path of fathom-cli on the remote host"));
    m_skip->setPlaceholderText(tr("Channels not to learn from, comma-separated (e.g. ping)"));
    m_profile->setText(m_profileDevice.isEmpty()
                           ? QString()
                           : tr("Batch %1 from the profile of %2").arg(m_profileBatch).arg(m_profileDevice));
    m_sizesButton->setText(tr("Model Settings…"));
    showSizes();
    m_train->setText(tr("Train"));
    m_train->setToolTip(tr("Train the checked models in the background, one after another"));
    m_retrain->setText(tr("Retrain"));
    m_retrain->setToolTip(tr("Fine-tune the active model on the data and on the alerts you reviewed "
                             "(confirmed: anomalies; rejected: normal)"));
    m_pause->setText(m_pause->isChecked() ? tr("Resume") : tr("Pause"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop after the current step; models finished so far are kept"));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_registry->setHorizontalHeaderLabels(
        {tr("Model"), tr("Validation MSE"), tr("Test MSE"), tr("Epochs"), tr("Time"), tr("Device")});
    m_setActive->setText(tr("Set active"));
    m_setActive->setToolTip(tr("Use the selected model for forecasts and alerts"));
    m_delete->setText(tr("Delete"));
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Select two models: their metrics side by side and both forecasts on the series"));
}

} // namespace fathom
