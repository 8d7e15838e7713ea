import { gatewayOverhead, printGatewayOverhead } from "./gateway-overhead.js";
import { invoicesBench, printInvoicesBench } from "./invoices.js";

/** `npm run bench`: every benchmark, one after the other so they don't compete for the CPU. */
const benchmarks: { name: string; run: () => Promise<void> }[] = [
  { name: "gateway overhead", run: async () => printGatewayOverhead(await gatewayOverhead()) },
  { name: "invoices", run: async () => printInvoicesBench(await invoicesBench()) },
];

const only = process.argv[2];
for (const benchmark of benchmarks.filter((b) => !only || b.name === only)) {
  console.log(`\n▶ ${benchmark.name}`);
  await benchmark.run();
}
process.exit(0);
