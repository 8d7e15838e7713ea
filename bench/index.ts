import { dashboardBench, printDashboardBench } from "./dashboard.js";
import { gatewayOverhead, printGatewayOverhead } from "./gateway-overhead.js";
import { invoicesBench, printInvoicesBench } from "./invoices.js";
import { printWebBundle, webBundle } from "./web-bundle.js";
import { printStartBench, startBench } from "./start.js";
import { liveBench, printLiveBench } from "./live.js";
import { communitiesBench, printCommunitiesBench } from "./communities.js";
import { coursesBench, printCoursesBench } from "./courses.js";
import { affiliatesBench, printAffiliatesBench } from "./affiliates.js";
import { appointmentsBench, printAppointmentsBench } from "./appointments.js";

/** `npm run bench`: every benchmark, one after the other so they don't compete for the CPU. */
const benchmarks: { name: string; run: () => Promise<void> }[] = [
  { name: "gateway overhead", run: async () => printGatewayOverhead(await gatewayOverhead()) },
  { name: "invoices", run: async () => printInvoicesBench(await invoicesBench()) },
  { name: "web bundle", run: async () => printWebBundle(await webBundle()) },
  { name: "start", run: async () => printStartBench(await startBench()) },
  {
    name: "dashboard",
    run: async () => {
      // BENCH_DASHBOARD_LAYOUT=host|processes: one layout only.
      const only = process.env.BENCH_DASHBOARD_LAYOUT;
      for (const layout of ["host", "processes"] as const) if (!only || only === layout) printDashboardBench(await dashboardBench(layout));
    },
  },
  { name: "live", run: async () => printLiveBench(await liveBench()) },
  { name: "communities", run: async () => printCommunitiesBench(await communitiesBench()) },
  { name: "courses", run: async () => printCoursesBench(await coursesBench()) },
  { name: "appointments", run: async () => printAppointmentsBench(await appointmentsBench()) },
  { name: "affiliates", run: async () => printAffiliatesBench(await affiliatesBench()) },
];

const only = process.argv[2];
for (const benchmark of benchmarks.filter((b) => !only || b.name === only)) {
  console.log(`\n▶ ${benchmark.name}`);
  await benchmark.run();
}
process.exit(0);
