// `fathom-cli bench ts`: inference and training speed of the model family, or memory while
// training on the plan's full series.
#include "cli_series.h"

#include "common/atomicfile.h"
#include "ml/tsbench.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace fathom::cli {

void addBenchTsCommand(CLI::App& bench, const StartupOptions& startup)
{
    auto options = std::make_shared<ml::TsBenchOptions>();
    auto json = std::make_shared<std::string>();
    auto* benchTs = bench.add_subcommand("ts", "Inference and training speed of the model family (100 x 12 -> 1)");
    benchTs->add_option("--threads", options->threads, "LibTorch intra-op threads (default: its own choice)");
    benchTs->add_option("--windows", options->windows, "Windows per inference batch");
    benchTs->add_option("--train-windows", options->trainWindows, "Windows in the one training epoch measured");
    benchTs
        ->add_option("--inference-precision", options->inferencePrecision,
                     "fp32 or bf16 (or fp16 on CUDA) for the inference measurements, compared with fp32; "
                     "default: compute.inference_precision")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
    auto models = std::make_shared<std::vector<std::string>>();
    benchTs->add_option("--models", *models, "Only these models (default: the whole family)")->delimiter(',');
    auto recurrent = std::make_shared<std::string>();
    benchTs
        ->add_option("--recurrent", *recurrent,
                     "LSTM/GRU layers on the CPU: fathom (its sequence kernels) or libtorch (LibTorch's "
                     "layers); default: compute.recurrent_kernels")
        ->check(CLI::IsMember({"fathom", "libtorch"}));
    benchTs->add_option("--json-out", *json, "Write the figures as JSON here");
    auto memoryRows = std::make_shared<std::size_t>(0);
    auto memorySteps = std::make_shared<std::size_t>(300);
    benchTs->add_option("--memory-rows", *memoryRows,
                        "Instead: resident memory while training an LSTM on this many rows x 12 (781163)");
    benchTs->add_option("--memory-steps", *memorySteps, "Batches trained in the memory measurement");
    benchTs->callback([options, json, memoryRows, memorySteps, recurrent, models, &startup] {
        fathom::start(startup); // the configuration: threads, recurrent kernels
        options->fusedRecurrent = recurrent->empty() ? ml::fusedRecurrent() : *recurrent == "fathom";
        if (!models->empty()) {
            options->models.clear();
            for (const auto& name : *models)
                options->models.push_back(ml::parseKind(name));
        }
        if (*memoryRows > 0) {
            const auto r = ml::runTsMemoryBench(*memoryRows, *memorySteps);
            std::printf("%zu rows x 12 (%.1f MB), %zu windows as views, %zu LSTM steps: peak resident %.0f MB "
                        "(%.0f MB before the series), %.1f s\n",
                        r.rows, r.dataMegabytes, r.windows, r.steps, r.peakMegabytes, r.startMegabytes, r.seconds);
            if (!json->empty()) {
                AtomicFile out(*json);
                out.stream() << r.json() << "\n";
                out.commit();
            }
            return;
        }
        auto o = *options;
        o.progress = [](const std::string& model) { std::cerr << "bench: " << model << "\n"; };
        const auto result = ml::runTsBench(o);
        std::cout << result.text();
        if (!json->empty()) {
            AtomicFile out(*json);
            out.stream() << result.json() << "\n";
            out.commit();
        }
    });
}

} // namespace fathom::cli
