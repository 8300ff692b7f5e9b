namespace Passport.Grains.Storage;

/// <summary>
/// The database could not be reached while a grain served a call. Thrown in place of the provider's own exception,
/// which Orleans cannot carry to a caller on another silo; it holds only a message, so it crosses any silo.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("The database cannot be reached now.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
