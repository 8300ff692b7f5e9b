using System.Data;
using System.Globalization;
using Dapper;

namespace Passport.Data.Database;

/// <summary>
/// The one place Dapper's type handlers are registered. SQLite has no uuid or timestamp types, so it hands
/// back text; PostgreSQL hands back <see cref="Guid"/> and UTC <see cref="DateTime"/> (also for <c>date</c>). These handlers let
/// repositories read both into the same CLR types.
/// </summary>
public static class DapperConfiguration
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            SqlMapper.AddTypeHandler(new GuidHandler());
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            SqlMapper.AddTypeHandler(new DateOnlyHandler());
            _registered = true;
        }
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text, CultureInfo.InvariantCulture),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as a Guid."),
        };

        public override void SetValue(IDbDataParameter parameter, Guid value) => parameter.Value = value;
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as a DateTimeOffset."),
        };

        // Npgsql accepts only UTC for timestamptz; SQLite stores text, which sorts correctly only if all is UTC.
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as a DateOnly."),
        };

        // Npgsql sends a DateOnly as date; Microsoft.Data.Sqlite as yyyy-MM-dd text, which sorts by date.
        public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value;
    }
}
