namespace Passport.Web.Cluster;

/// <summary>
/// This host would start a second cluster beside one that is still running: the membership table is empty while
/// other hosts of the cluster recently said they were alive. The message is meant for the operator, in one line.
/// </summary>
public sealed class SecondClusterException : Exception
{
    public SecondClusterException()
    {
    }

    public SecondClusterException(string message)
        : base(message)
    {
    }

    public SecondClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
