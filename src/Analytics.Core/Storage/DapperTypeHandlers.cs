using System.Data;
using Dapper;

namespace Analytics.Core.Storage;

/// <summary>
/// Dapper mappings for what DuckDB.NET hands out differently from the records: TIMESTAMPTZ arrives as a
/// <see cref="DateTime"/> of unspecified kind (Dapper would give it the process's local offset) and LIST arrives
/// as a <see cref="List{T}"/> (records hold arrays).
/// </summary>
internal static class DapperTypeHandlers
{
    private static int _registered;

    /// <summary>Registers the handlers once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new ArrayHandler<string>());
        SqlMapper.AddTypeHandler(new ArrayHandler<long>());
        SqlMapper.AddTypeHandler(new ArrayHandler<int>());
        SqlMapper.AddTypeHandler(new ArrayHandler<double>());
        SqlMapper.AddTypeHandler(new ArrayHandler<Guid>());
    }

    /// <summary>Reads a TIMESTAMPTZ (a UTC wall clock, the session being UTC) as a UTC <see cref="DateTimeOffset"/>.</summary>
    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset offset => offset.ToUniversalTime(),
            _ => throw new InvalidCastException($"A {value.GetType().Name} cannot be read as a timestamp with time zone."),
        };

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;
    }

    /// <summary>Reads a LIST as an array and passes an array as one LIST parameter.</summary>
    private sealed class ArrayHandler<T> : SqlMapper.TypeHandler<T[]>
    {
        public override T[] Parse(object value) => value switch
        {
            T[] array => array,
            IEnumerable<T> items => [.. items],
            _ => throw new InvalidCastException($"A {value.GetType().Name} cannot be read as a list of {typeof(T).Name}."),
        };

        public override void SetValue(IDbDataParameter parameter, T[]? value) => parameter.Value = value ?? (object)DBNull.Value;
    }
}
