// `fathom-cli bench device`: the series benchmark on every device this machine has, with the
// cost of an epoch at the hourly prices the user gives.
#include "cli_series.h"
#include "common/atomicfile.h"
#include "common/error.h"
#include "device/devicemanager.h"
#include "ml/tsbench.h"

#include <cstdio>
#include <iostream>
#include <map>

namespace fathom::cli {

namespace {

struct BenchDeviceArgs
{
    std::vector<std::string> prices, devices;
    std::string json, precision = "fp32";
    int trainWindows = 2048, windows = 1000, batch = 32;
};

// "--price cpu=0.12 --price cuda=2.49 --price 'H100=2.99'": by device id, then a part of the
// device's name, then its kind.
double priceFor(const DeviceInfo& device, const std::map<std::string, double>& prices)
{
    if (const auto it = prices.find(device.id); it != prices.end())
        return it->second;
    for (const auto& [key, price] : prices)
        if (key.size() > 2 && device.name.find(key) != std::string::npos)
            return price;
    if (const auto it = prices.find(kindName(device.kind)); it != prices.end())
        return it->second;
    return -1;
}

void benchDevice(const BenchDeviceArgs& args, const StartupOptions& startup)
{
    std::map<std::string, double> prices;
    for (const auto& p : args.prices) {
        const auto eq = p.find('=');
        try {
            if (eq == std::string::npos || eq == 0)
                throw std::invalid_argument(p);
            prices[p.substr(0, eq)] = std::stod(p.substr(eq + 1));
        } catch (const std::exception&) {
            throw Error("--price " + p + ": expected DEVICE=PRICE per hour, e.g. cuda=2.49 or cpu=0.10");
        }
    }
    const auto started = fathom::start(startup);
    ml::DeviceBenchOptions options;
    options.bench.trainWindows = args.trainWindows;
    options.bench.windows = args.windows;
    options.bench.batch = args.batch;
    options.bench.precision = args.precision;
    options.bench.inferencePrecision = args.precision; // the table's one precision column: both
    options.bench.models = {ml::ModelKind::Lstm, ml::ModelKind::Gru, ml::ModelKind::CnnLstm, ml::ModelKind::Spike,
                            ml::ModelKind::Rule};
    options.bench.progress = [](const std::string& model) { std::cerr << "  " << model << "\n"; };
    for (const auto& device : started->devices->devices()) {
        if (device.kind == DeviceKind::Mps)
            continue; // the series models run on cpu and cuda
        if (!args.devices.empty() &&
            std::find(args.devices.begin(), args.devices.end(), device.id) == args.devices.end())
            continue;
        options.devices.push_back({device.id, device.name, priceFor(device, prices)});
    }
    if (options.devices.empty())
        throw Error("no device to measure: --devices names none this machine has");
    std::vector<ml::DeviceBenchRow> rows;
    for (const auto& device : options.devices) {
        std::cerr << "bench device: " << device.id << " (" << device.name << ")\n";
        auto one = options;
        one.devices = {device};
        const auto measured = ml::runDeviceBench(one);
        rows.insert(rows.end(), measured.begin(), measured.end());
    }
    std::cout << ml::deviceBenchMarkdown(rows, args.windows);
    if (!args.json.empty()) {
        AtomicFile out(args.json);
        out.stream() << ml::deviceBenchJson(rows) << "\n";
        out.commit();
    }
}

} // namespace

void addBenchDeviceCommand(CLI::App& bench, const StartupOptions& startup)
{
    auto args = std::make_shared<BenchDeviceArgs>();
    auto* cmd = bench.add_subcommand(
        "device", "The five original models trained and run on every device present: a Markdown table on stdout");
    cmd->add_option("--price", args->prices, "Hourly price per device: cpu=0.10, cuda=2.49, or part of a GPU's name");
    cmd->add_option("--devices", args->devices, "Only these device ids (default: all)")->delimiter(',');
    cmd->add_option("--precision", args->precision,
                    "fp32, bf16 or fp16 (CUDA) for the training and inference measurements");
    cmd->add_option("--train-windows", args->trainWindows, "Windows in the training measurement");
    cmd->add_option("--windows", args->windows, "Windows in the inference batch");
    cmd->add_option("--batch", args->batch, "Windows per training step");
    cmd->add_option("--json-out", args->json, "Write the figures as JSON here");
    cmd->callback([args, &startup] { benchDevice(*args, startup); });
}

} // namespace fathom::cli
