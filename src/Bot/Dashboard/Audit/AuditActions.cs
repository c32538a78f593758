namespace AsnBot.Dashboard.Audit;

/// <summary>The names an audit entry's action takes.</summary>
public static class AuditActions
{
    public const string PeopleList = "people.list";
    public const string PersonView = "person.view";
    public const string PersonRefused = "person.refused";
    public const string Export = "export";
    public const string EnrollmentsView = "enrollments.view";
    public const string EnrollmentChanged = "enrollment.changed";
    public const string AttendanceImport = "attendance.import";
    public const string ClaimsList = "claims.list";
    public const string CertificateView = "certificate.view";
    public const string EvaluationView = "evaluation.view";
    public const string MentoringView = "mentoring.view";
    public const string MentoringChanged = "mentoring.changed";
    public const string QuestionsList = "questions.list";
    public const string QuestionAnswered = "question.answered";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string UserCreated = "user.created";
}
