"""Publications: works harvested from ORCID, OpenAlex, HAL and PubMed (or added by DOI or from a
reference file), merged once across sources, linked to the directory's people."""
