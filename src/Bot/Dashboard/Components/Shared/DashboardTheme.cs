using MudBlazor;

namespace AsnBot.Dashboard.Components.Shared;

/// <summary>The dashboard's colours and type: a calm blue, system fonts (no web font is fetched).</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5FAD",
            Secondary = "#C77C02",
            Tertiary = "#2E7D5B",
            AppbarBackground = "#17467F",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#243447",
            DrawerIcon = "#1F5FAD",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
