using AsnBot.Knowledge.Catalog;

namespace AsnBot.Knowledge.Tests.Catalog;

public sealed class CatalogFilesTests
{
    [Fact]
    public void A_CSV_row_shorter_than_its_header_is_refused_with_a_reason_instead_of_a_crash()
    {
        var file = Path.Combine(Path.GetTempPath(), $"katalog-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(file, "code,title,description,cost\nPLT-1,Judul,Deskripsi,1000\nPLT-2,Judul\n");

            var error = Assert.Throws<CatalogFileException>(() => CatalogFiles.Read(file));

            Assert.Contains("as many columns as the header", error.Message, StringComparison.Ordinal);
            Assert.Equal("file.columns", error.Key);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
