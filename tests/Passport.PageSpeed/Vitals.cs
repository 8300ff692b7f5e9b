namespace Passport.PageSpeed;

/// <summary>What one page load measured: largest contentful paint, cumulative layout shift and script bytes.</summary>
internal sealed record Vitals(double LcpMs, double Cls, long ScriptBytes)
{
    /// <summary>
    /// Runs before any of the page's own code (an init script): records the page's largest contentful paint and its
    /// layout shifts as PerformanceObservers see them. CLS is the largest session window, as web-vitals computes it:
    /// shifts less than 1 s apart and within 5 s in all add up; shifts right after the person's input do not count.
    /// </summary>
    public const string ObserverScript = """
        (() => {
          const vitals = { lcp: 0, cls: 0, value: 0, first: 0, last: 0 };
          Object.defineProperty(window, '__passportVitals', { value: vitals });
          new PerformanceObserver(list => {
            for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
              if (entry.hadRecentInput) continue;
              if (vitals.value > 0 && entry.startTime - vitals.last < 1000 && entry.startTime - vitals.first < 5000) {
                vitals.value += entry.value;
              } else {
                vitals.value = entry.value;
                vitals.first = entry.startTime;
              }
              vitals.last = entry.startTime;
              vitals.cls = Math.max(vitals.cls, vitals.value);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        })();
        """;

    /// <summary>Reads the figures after two frames, so a paint or shift still pending is in.</summary>
    public const string ReadScript = """
        () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
          const vitals = window.__passportVitals;
          const scripts = performance.getEntriesByType('resource')
            .filter(entry => entry.initiatorType === 'script' || new URL(entry.name).pathname.endsWith('.js'));
          done({
            lcpMs: vitals.lcp,
            cls: vitals.cls,
            scriptBytes: scripts.reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize), 0),
          });
        })))
        """;
}
