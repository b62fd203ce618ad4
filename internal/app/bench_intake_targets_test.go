package app_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// intakeTargets prints issue 18's intake targets beside this run's
// figures, each with whether this run met it. Printed, never asserted:
// a shared machine's timings are no test.
func intakeTargets(db string, res map[string]loadResult) string {
	rate := func(kind string, n int) float64 { return res[fmt.Sprintf("%s/%d", kind, n)].perSecond() }
	cpu := func(n int) float64 {
		r := res[fmt.Sprintf("intake/%d", n)]
		if r.n == 0 {
			return 0
		}
		return float64(r.server.Microseconds()) / float64(r.n)
	}
	var sb strings.Builder
	line := func(what string, got float64, format string, ok bool) {
		verdict := "not met"
		if ok {
			verdict = "met"
		}
		fmt.Fprintf(&sb, "  %-52s "+format+"  %s\n", what, got, verdict)
	}
	fmt.Fprintf(&sb, "targets of issue 18 (%s), this run:\n", db)
	switch db {
	case "sqlite":
		r1 := rate("intake", 1) / rate("bare", 1)
		line("1 client: intake/bare ≥ 0.7", r1, "%8.3f", r1 >= 0.7)
		line("1 client: server CPU per report ≤ 400 µs", cpu(1), "%8.0f", cpu(1) <= 400)
		r64 := rate("intake", 64) / rate("bare", 64)
		line("64 clients: intake/bare ≥ 1.0", r64, "%8.3f", r64 >= 1.0)
		line("64 clients: ≥ 3,000 meldingen/s", rate("intake", 64), "%8.0f", rate("intake", 64) >= 3000)
		line("64 clients: server CPU per report ≤ 400 µs", cpu(64), "%8.0f", cpu(64) <= 400)
	case "postgres":
		in64 := res["intake/64"]
		line("64 clients: ≥ 2,000 meldingen/s", rate("intake", 64), "%8.0f", rate("intake", 64) >= 2000)
		p99 := float64(in64.p99.Microseconds()) / 1000
		line("64 clients: p99 < 50 ms", p99, "%8.1f", p99 < 50)
		rises := rate("intake", 1) < rate("intake", 8) && rate("intake", 8) < rate("intake", 64)
		line("rate rises from 1 to 8 to 64 clients (64/1)", rate("intake", 64)/rate("intake", 1), "%8.2f", rises)
	}
	return sb.String()
}

// rssMiB is the server process's resident memory (VmRSS), 0 if unknown.
func (c *serverChild) rssMiB() float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
