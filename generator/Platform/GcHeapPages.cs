using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForbedringsAbc.Platform;

/// <summary>
/// Lets Linux back the garbage collector's heap with transparent huge pages.
/// </summary>
/// <remarks>
/// <para>
/// The .NET GC reserves one large address range for its heap regions (inaccessible, and left out
/// of core dumps) and commits it 64 KiB at a time as the heap grows: it makes each piece readable
/// and writable and puts it back into dumps. Each such step is a mapping of its own until the
/// next one, so when the GC first writes to a 2 MiB block the kernel never finds that block inside
/// one readable, writable mapping, and faults it in page by 4 KiB page, even when the system's THP
/// setting is "always". A 10,000-page build takes ~80,000 such faults (85 % of them the GC
/// clearing fresh memory); on the virtual machines we measured, each costs 13–16 µs, about a
/// second of CPU (see the README's Performance section).
/// </para>
/// <para>
/// At start-up, before the heap grows, this opens the GC's first regions and the part of the
/// reservation just ahead of what the GC has committed: readable and writable, back in dumps (so
/// the GC's own "back in dumps" on each commit changes nothing and splits nothing), and advised
/// for huge pages where the system leaves them to the program's advice. No memory is used until
/// it is written; the memory counts toward the kernel's commit charge only. The GC's own commits
/// there later change nothing, and its first write to each untouched huge block takes one fault
/// (the few blocks of the first regions it has written to by then stay in 4 KiB pages). The GC
/// still decides what to commit, use and give back; memory it gives back (decommits) is mapped
/// anew by the GC and is handled as before.
/// </para>
/// <para>
/// Only memory the GC marked as its reservation is opened: the walk starts at a fresh heap
/// object and goes up through adjoining plain anonymous memory, every inaccessible piece of which
/// must carry the GC's "not in dumps" mark, to the large reserved rest, all within the GC's
/// <c>GCRegionRange</c>. Below the object it opens from the first region boundary of the
/// reservation (the rest's end less that range: the GC takes its regions from the left) only
/// when a committed area begins exactly there and every area from there up is the GC's in the
/// same way; else from the object up. Anything else (another OS, THP "never", a system that does
/// not overcommit memory, a GC with a hard memory limit, a memory map not as expected) leaves the
/// heap alone.
/// <c>ABC_HUGE_PAGES=0</c> turns it off.
/// </para>
/// </remarks>
internal static partial class GcHeapPages
{
    /// <summary>What <see cref="Apply"/> did.</summary>
    public static string Status => _opened > 0
        ? $"huge pages: on for {_opened >> 20} MiB of the heap's address range, from {(_fromFirstRegion ? "its first region" : "above the start-up object")}"
        : $"huge pages: off ({_off}{(_error != 0 ? $": error {_error}" : "")})";

    // Kept apart and put into words only when asked: formatting a number this early would load
    // the culture data (~8 ms) before the program has said which culture it uses.
    private static long _opened;
    private static bool _fromFirstRegion;
    private static string _off = "not tried";
    private static int _error;

    /// <summary>A heap object whose address tells where the heap is (a static, so it is surely on the heap).</summary>
    private static object? _probe;

    private const int MadvHugepage = 14;
    private const int MadvDodump = 17;
    private const int ProtReadWrite = 3;
    private const string ThpSettings = "/sys/kernel/mm/transparent_hugepage/";

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);

    /// <summary>Call once, first thing in <c>Main</c>. Never throws: it is only an optimisation.</summary>
    public static void Apply()
    {
        try
        {
            _off = TryApply() ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _off = e.GetType().Name;
        }
    }

    /// <summary>
    /// <see cref="Status"/> and, if the range was opened, how much of the process's memory is in
    /// huge pages now: for <c>build --timings</c>, so the web team can see it took effect.
    /// </summary>
    public static string Report()
    {
        if (_opened == 0) return Status;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
                if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                {
                    var kib = Digits(line[14..].Trim().TrimEnd('B').TrimEnd('k'));
                    if (kib >= 0) return $"{Status}; {kib >> 10} MiB of memory in huge pages now";
                }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return Status;
    }

    /// <returns>Why the heap was left alone, or null if the range was opened.</returns>
    private static string? TryApply()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (Environment.GetEnvironmentVariable("ABC_HUGE_PAGES") == "0") return "ABC_HUGE_PAGES=0";
        if (SystemFile(ThpSettings + "enabled") is not { } mode) return "this system has no transparent huge pages";
        if (mode.Contains("[never]", StringComparison.Ordinal))
            return "transparent huge pages are not enabled on this system";
        // Strict accounting would hold the opened range against every other process's memory.
        if (SystemFile("/proc/sys/vm/overcommit_memory")?.Trim() == "2") return "this system does not overcommit memory";
        var gc = GC.GetConfigurationVariables();
        // Under a hard limit the GC counts what it commits; huge pages may hold more than that.
        if (Number(gc, "GCHeapHardLimit") != 0 || Number(gc, "GCHeapHardLimitPercent") != 0)
            return "the GC has a hard memory limit";
        var regionRange = Number(gc, "GCRegionRange");
        if (regionRange <= 0) return "the GC has no region range";
        // Unset (0), the GC makes its regions 4 MiB in a range this large. A wrong size only means no
        // committed region begins where one is looked for, and the first regions are left alone.
        var regionSize = Number(gc, "GCRegionSize") is > 0 and var configured ? configured : 4L << 20;
        var hugePage = SystemFile(ThpSettings + "hpage_pmd_size") is { } size ? Digits(size) : 2L << 20;
        if (hugePage <= 0 || (hugePage & (hugePage - 1)) != 0) return "no usable huge page size";

        _probe = new object();
        var address = (long)Unsafe.As<object, nint>(ref _probe);
        var plan = PlanForThisProcess(address, regionRange, regionSize, Headroom(), hugePage);
        _probe = null;
        if (plan.Reason is not null) return plan.Reason;

        var length = (nuint)(plan.End - plan.Start);
        if (mprotect((nint)plan.Start, length, ProtReadWrite) != 0)
        {
            _error = Marshal.GetLastPInvokeError();
            return "the kernel refused to open the range";
        }
        _opened = plan.End - plan.Start;
        _fromFirstRegion = plan.Start < address;
        // Both are advice: if the kernel refuses either, the range is open and simply faults as before.
        madvise((nint)plan.Start, length, MadvDodump);
        // Under "always" every such range gets huge pages anyway; asking would also make a fault
        // wait for the kernel to compact memory where the system keeps that for programs that ask.
        if (!mode.Contains("[always]", StringComparison.Ordinal)) madvise((nint)plan.Start, length, MadvHugepage);
        return null;
    }

    /// <summary>A kernel setting's text, or null where this kernel has no such file.</summary>
    private static string? SystemFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // The GC's numbers come boxed as long or ulong. Nothing here may touch culture data: loading it
    // this early costs ~8 ms of start-up.
    private static long Number(IReadOnlyDictionary<string, object> gc, string name) =>
        gc.TryGetValue(name, out var value) ? value switch { long l => l, ulong u => (long)Math.Min(u, long.MaxValue), int i => i, _ => -1 } : 0;

    /// <summary>A decimal number from a system file ("2097152\n"); -1 if it is not one.</summary>
    internal static long Digits(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.Length > 18) return -1;
        long value = 0;
        foreach (var c in span)
        {
            if (c is < '0' or > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /// <summary>How far ahead of the GC to open the range: a quarter of the memory the GC may use, at most 8 GiB.</summary>
    private static long Headroom() =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4, 256L << 20, 8L << 30);

    /// <summary><see cref="Plan"/> on this process's memory map.</summary>
    internal static (long Start, long End, string? Reason) PlanForThisProcess(long address, long regionRange, long regionSize, long headroom, long hugePage)
    {
        // The map may change while it is read (the GC commits memory as threads allocate): read
        // it again when it does not add up.
        (long Start, long End, string? Reason) plan = default;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            plan = Plan(MemoryMap.Parse(MemoryMap.ReadAll("/proc/self/smaps")), address, regionRange, regionSize, headroom, hugePage);
            if (plan.Reason != MemoryMap.Changed) break;
        }
        return plan;
    }

    /// <summary>
    /// The range to open: from the first region boundary of the GC's reservation (its first
    /// regions, which the GC fills as it promotes what survives) or, where the map does not show
    /// the reservation whole from there, the first huge-page boundary above <paramref name="address"/>
    /// (a heap object), to <paramref name="headroom"/> past where the GC's reserved rest begins.
    /// </summary>
    internal static (long Start, long End, string? Reason) Plan(
        IReadOnlyList<MemoryMap.Area> areas, long address, long regionRange, long regionSize, long headroom, long hugePage)
    {
        var first = IndexOf(areas, address);
        if (first < 0 || areas[first] is not { Permissions: "rw-p", Anonymous: true })
            return (0, 0, "the heap is not in the memory map");
        var start = (address + hugePage - 1) & ~(hugePage - 1);
        for (var i = first; i < areas.Count; i++)
        {
            var area = areas[i];
            if (i > first && areas[i - 1].End != area.Start)
                return (0, 0, areas[i - 1].End > area.Start ? MemoryMap.Changed : "the heap's range has a gap");
            if (NotTheGcs(area) is { } why) return (0, 0, why);
            if (area.End - address > regionRange) return (0, 0, "the heap's range is larger than the GC's");
            if (area.Permissions == "---p" && area.End - area.Start >= regionRange / 4)
            {
                var end = Math.Min(area.End, area.Start + headroom) & ~(hugePage - 1);
                // The GC's first regions, below the object, when the map shows them as its own from the first one on.
                var bottom = FirstRegion(areas, first, area.End - regionRange, regionSize, hugePage);
                if (bottom == Overlap) return (0, 0, MemoryMap.Changed);
                if (bottom > 0) start = bottom;
                return end > start ? (start, end, null) : (0, 0, "no room");
            }
        }
        return (0, 0, "the GC's reserved range was not found");
    }

    private const long Overlap = -1;

    /// <summary>
    /// Where the GC's first region begins: the first region boundary at or above
    /// <paramref name="low"/> (the reserved rest's end less the GC's region range: where the
    /// reservation begins, since the GC takes its regions from the left), when a committed area
    /// begins exactly there and every area from there up to area <paramref name="first"/> adjoins
    /// the next and is the GC's (committed plain anonymous memory, or reserved and out of dumps);
    /// else 0 (<see cref="Overlap"/> when areas overlap: the map changed while it was read).
    /// </summary>
    private static long FirstRegion(IReadOnlyList<MemoryMap.Area> areas, int first, long low, long regionSize, long hugePage)
    {
        if (regionSize < hugePage || (regionSize & (regionSize - 1)) != 0) return 0;
        var region = (low + regionSize - 1) & ~(regionSize - 1);
        for (var i = first; i >= 0 && areas[i].Start >= region; i--)
        {
            if (areas[i].Start == region) return areas[i].Permissions == "rw-p" ? region : 0;
            var below = i > 0 ? areas[i - 1] : default;
            if (i == 0 || below.End != areas[i].Start) return below.End > areas[i].Start ? Overlap : 0;
            if (NotTheGcs(below) is not null) return 0;
        }
        return 0;
    }

    /// <summary>
    /// Null for memory that can be the GC's heap (committed plain anonymous memory, or reserved and
    /// out of dumps, as the GC reserves it); else why not.
    /// </summary>
    private static string? NotTheGcs(MemoryMap.Area area) =>
        !area.Anonymous || area.Permissions is not ("rw-p" or "---p") ? "the heap's range holds other memory"
        : area.Permissions == "---p" && !area.Flags.Contains(" dd", StringComparison.Ordinal) ? "the heap's range holds memory the GC has not reserved"
        : null;

    private static int IndexOf(IReadOnlyList<MemoryMap.Area> areas, long address)
    {
        for (var i = 0; i < areas.Count; i++)
            if (areas[i].Start <= address && address < areas[i].End) return i;
        return -1;
    }
}

/// <summary>The process's memory map as <c>/proc/self/smaps</c> (or <c>maps</c>) lists it.</summary>
internal static class MemoryMap
{
    /// <param name="Anonymous">Plain anonymous memory: no file, device or name such as [stack].</param>
    /// <param name="Flags">The kernel's VmFlags, each after a space (" rd wr mr mw me dd"); empty from <c>maps</c>.</param>
    internal readonly record struct Area(long Start, long End, string Permissions, bool Anonymous, string Flags = "");

    /// <summary>What a plan says when areas overlap: the map changed while it was read.</summary>
    public const string Changed = "the memory map changed while it was read";

    /// <summary>
    /// The whole file in as few reads as it takes, decoded only afterwards: the kernel makes the
    /// text as it is read, so the less happens between two reads, the less it can change.
    /// </summary>
    public static string[] ReadAll(string path)
    {
        var buffer = new byte[256 * 1024];
        var length = 0;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0))
        {
            int read;
            while ((read = file.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Split('\n');
    }

    /// <summary>
    /// Reads area lines such as <c>7f00a000-7f00b000 rw-p 00000000 00:00 0   [path]</c> and, in
    /// <c>smaps</c>, each area's <c>VmFlags:</c> line; skips the other <c>smaps</c> lines.
    /// </summary>
    public static List<Area> Parse(IEnumerable<string> lines)
    {
        var areas = new List<Area>();
        foreach (var line in lines)
        {
            if (line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                if (areas.Count > 0) areas[^1] = areas[^1] with { Flags = " " + line[8..].Trim() };
                continue;
            }
            // smaps's other lines ("Rss:   4 kB") begin with a capital; area lines with a hex digit.
            if (line.Length == 0 || char.IsAsciiLetterUpper(line[0])) continue;
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) continue;
            var dash = fields[0].IndexOf('-');
            if (dash <= 0
                || !Hex(fields[0].AsSpan(0, dash), out var start)
                || !Hex(fields[0].AsSpan(dash + 1), out var end))
                continue;
            var anonymous = fields[4] == "0" && (fields.Length < 6 || fields[5].Trim().Length == 0);
            areas.Add(new Area(start, end, fields[1], anonymous));
        }
        return areas;
    }

    /// <summary>An address as the kernel prints it (lower-case hex); false past <see cref="long.MaxValue"/>.</summary>
    private static bool Hex(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 16 || (text.Length == 16 && text[0] > '7')) return false;
        foreach (var c in text)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) return false;
            value = (value << 4) | (uint)digit;
        }
        return true;
    }
}
