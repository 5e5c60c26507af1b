#include "retraindialog.h"

#include "contactscontroller.h"
#include "lossaxes.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fathom {

RetrainDialog::RetrainDialog(ContactsController* contacts, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("retrainDialog"));
    setWindowTitle(tr("Retrain Detector"));
    m_status = new QLabel(tr("Learning from the confirmed contacts…"), this);
    m_status->setObjectName(QStringLiteral("retrainStatus"));
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(420, 220);
    m_plot->addGraph()->setName(tr("training"));
    m_plot->addGraph()->setName(tr("validation"));
    m_plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
    m_plot->graph(1)->setPen(QPen(QColor(255, 127, 14), 2));
    setLossAxes(m_plot);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->legend->setVisible(true);
    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    close->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, contacts, [contacts] { contacts->cancel(); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_plot);
    layout->addWidget(buttons);
    connect(contacts, &ContactsController::retrainProgress, this, &RetrainDialog::progress);
    auto finish = [this, close](const QString& text) {
        m_status->setText(text);
        m_cancel->setEnabled(false);
        close->setEnabled(true);
    };
    connect(contacts, &ContactsController::retrained, this, [this, finish](const QString& dir, const QString& summary) {
        m_bar->setValue(m_bar->maximum());
        finish(tr("Done (%1). The detector in %2 is used from now on; contacts are being proposed again.")
                   .arg(summary, dir));
    });
    connect(contacts, &ContactsController::failed, this, finish);
}

void RetrainDialog::progress(int epoch, int epochs, int step, int steps, double trainLoss, double validationLoss,
                             bool epochDone)
{
    const double done = (epoch - 1 + double(step) / std::max(1, steps)) / std::max(1, epochs);
    m_bar->setValue(int(done * 1000));
    m_status->setText(tr("Epoch %1 of %2, loss %3").arg(epoch).arg(epochs).arg(trainLoss, 0, 'f', 4));
    if (!epochDone)
        return;
    m_epochs << epoch;
    m_train << trainLoss;
    m_validation << validationLoss;
    m_plot->graph(0)->setData(m_epochs, m_train);
    m_plot->graph(1)->setData(m_epochs, m_validation);
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(0.5, std::max(2.0, m_plot->xAxis->range().upper + 0.5));
    m_plot->replot();
}

} // namespace fathom
