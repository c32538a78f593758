namespace AsnBot.Dashboard.Audit;

/// <summary>The names an audit entry's action takes.</summary>
public static class AuditActions
{
    public const string PeopleList = "people.list";
    public const string PersonView = "person.view";
    public const string PersonRefused = "person.refused";
    public const string Export = "export";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string UserCreated = "user.created";
}
