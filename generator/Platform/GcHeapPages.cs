using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForbedringsAbc.Platform;

/// <summary>
/// Lets Linux back the garbage collector's heap with transparent huge pages (2 MiB).
/// </summary>
/// <remarks>
/// <para>
/// The .NET GC reserves one large address range for its heap regions and commits it 64 KiB at a
/// time as the heap grows, marking each piece for core dumps. Each such step splits the mapping,
/// so when the GC first writes to a 2 MiB block, the kernel never finds that block inside one
/// readable, writable mapping, and it faults the block in 4 KiB page by 4 KiB page. That happens even
/// when the system's THP setting is "always". A 10,000-page build takes ~80,000 such faults, and
/// 85 % of them are the GC clearing fresh memory. On the virtual machines we measured, a fault costs
/// ~13 µs, which is about a second of CPU (see the README's Performance section).
/// </para>
/// <para>
/// At start-up, before the heap grows, this makes the part of the reservation the GC has not yet
/// committed readable and writable ahead of it, keeps it in dumps, and advises huge pages for it.
/// No memory is used until it is written. The GC's own commits there later change nothing, and its
/// first write to each 2 MiB block takes one fault. Nothing else changes: the GC still decides
/// what to commit, use and give back. Memory it gives back (decommits) is mapped anew by the GC and
/// loses the advice, which only makes it as slow as before.
/// </para>
/// <para>
/// The range is found from <c>/proc/self/maps</c>, the address of a fresh object, and the GC's
/// <c>GCRegionRange</c>. If anything does not match what is expected (another OS, THP set to
/// "never", a mapping that is not plain anonymous memory in between, a GC without regions), nothing
/// is changed. <c>ABC_HUGE_PAGES=0</c> turns it off.
/// </para>
/// </remarks>
internal static partial class GcHeapPages
{
    /// <summary>What <see cref="Apply"/> did.</summary>
    public static string Status { get; private set; } = "huge pages: not tried";

    private static bool _applied;

    /// <summary>
    /// <see cref="Status"/> and, if the range was opened, how much of the process's memory is in
    /// huge pages now: for <c>build --timings</c>, so the web team can see it took effect.
    /// </summary>
    public static string Report()
    {
        if (!_applied) return Status;
        const string rollup = "/proc/self/smaps_rollup";
        try
        {
            foreach (var line in File.ReadLines(rollup))
                if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line.AsSpan(14).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    return $"{Status}; {kib >> 10} MiB of memory in huge pages now";
                }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        return Status;
    }

    private const long HugePage = 2L << 20;
    private const int MadvHugepage = 14;
    private const int MadvDodump = 17;
    private const int ProtReadWrite = 3;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);

    /// <summary>Call once, first thing in <c>Main</c>.</summary>
    public static void Apply()
    {
        try
        {
            Status = "huge pages: " + TryApply();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
                                      or OverflowException or InvalidCastException or DllNotFoundException
                                      or EntryPointNotFoundException)
        {
            Status = "huge pages: off (" + e.GetType().Name + ")";
        }
    }

    private static string TryApply()
    {
        if (!OperatingSystem.IsLinux()) return "off (not Linux)";
        if (Environment.GetEnvironmentVariable("ABC_HUGE_PAGES") == "0") return "off (ABC_HUGE_PAGES=0)";
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!File.Exists(setting) || File.ReadAllText(setting).Contains("[never]", StringComparison.Ordinal))
            return "off (transparent huge pages are not enabled on this system)";
        if (!GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var rangeValue))
            return "off (the GC has no region range)";
        var regionRange = Convert.ToInt64(rangeValue, CultureInfo.InvariantCulture);
        if (regionRange <= 0) return "off (the GC has no region range)";

        var probe = new object();
        var address = (long)Unsafe.As<object, nint>(ref probe);
        GC.KeepAlive(probe);

        var plan = Plan(MemoryMap.Parse(File.ReadLines("/proc/self/maps")), address, regionRange, Headroom());
        if (plan.Reason is not null) return "off (" + plan.Reason + ")";
        var length = (nuint)(plan.End - plan.Start);
        if (madvise((nint)plan.Start, length, MadvHugepage) != 0
            || madvise((nint)plan.Start, length, MadvDodump) != 0
            || mprotect((nint)plan.Start, length, ProtReadWrite) != 0)
            return $"off (the kernel refused: error {Marshal.GetLastPInvokeError()})";
        _applied = true;
        return $"on for {(plan.End - plan.Start) >> 20} MiB of the heap's address range";
    }

    /// <summary>How far ahead of the GC to open the range: a quarter of the memory, at most 8 GiB.</summary>
    /// <remarks>
    /// Opened memory counts toward the kernel's commit charge, not toward what the process uses, so
    /// this stays well below what a machine would refuse.
    /// </remarks>
    private static long Headroom() =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4, 256L << 20, 8L << 30);

    /// <summary>The range to open: from the 2 MiB block holding <paramref name="address"/> to
    /// <paramref name="headroom"/> past where the GC's committed memory ends.</summary>
    internal static (long Start, long End, string? Reason) Plan(
        IReadOnlyList<MemoryMap.Area> areas, long address, long regionRange, long headroom)
    {
        // The 2 MiB block holding the object. A GC region is committed from its start, so that block
        // begins in committed heap; if it does not, start at the next block rather than open memory
        // that may not be the heap's.
        var start = address & ~(HugePage - 1);
        var index = IndexOf(areas, start);
        if (index < 0 || areas[index].Permissions != "rw-p" || !areas[index].Anonymous)
        {
            start += HugePage;
            index = IndexOf(areas, start);
        }
        if (index < 0 || IndexOf(areas, address) < 0) return (0, 0, "the heap is not in the memory map");
        // Walk up through the heap's committed and uncommitted pieces to the large reserved rest.
        for (var i = index; i < areas.Count; i++)
        {
            var area = areas[i];
            if (i > index && !Adjoins(areas[i - 1], area)) return (0, 0, "the heap's range has a gap");
            if (!area.Anonymous || area.Permissions is not ("rw-p" or "---p"))
                return (0, 0, "the heap's range holds other memory");
            if (area.Permissions == "---p" && area.End - area.Start >= regionRange / 4)
            {
                if (area.End - start > regionRange) return (0, 0, "the heap's range is larger than the GC's");
                var end = Math.Min(area.End, area.Start + headroom) & ~(HugePage - 1);
                return end > start ? (start, end, null) : (0, 0, "no room");
            }
        }
        return (0, 0, "the GC's reserved range was not found");
    }

    private static int IndexOf(IReadOnlyList<MemoryMap.Area> areas, long address)
    {
        for (var i = 0; i < areas.Count; i++)
            if (areas[i].Start <= address && address < areas[i].End) return i;
        return -1;
    }

    private static bool Adjoins(MemoryMap.Area below, MemoryMap.Area above) =>
        below.End == above.Start && below.Anonymous;
}

/// <summary>The process's memory map as <c>/proc/self/maps</c> lists it.</summary>
internal static class MemoryMap
{
    /// <param name="Anonymous">Plain anonymous memory: no file, device or name such as [stack].</param>
    internal readonly record struct Area(long Start, long End, string Permissions, bool Anonymous);

    /// <summary>Reads lines such as <c>7f00a000-7f00b000 rw-p 00000000 00:00 0   [path]</c>.</summary>
    public static List<Area> Parse(IEnumerable<string> lines)
    {
        var areas = new List<Area>();
        foreach (var line in lines)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) continue;
            var dash = fields[0].IndexOf('-');
            if (dash <= 0) continue;
            var start = long.Parse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var end = long.Parse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var anonymous = fields[4] == "0" && (fields.Length < 6 || fields[5].Trim().Length == 0);
            areas.Add(new Area(start, end, fields[1], anonymous));
        }
        return areas;
    }
}
