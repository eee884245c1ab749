"""First and last names for fictional people of France (AURA) and Québec.

Each first name carries a grammatical gender (``"f"`` or ``"m"``) so that French
position titles agree with it ("Chercheuse", "Chercheur").
"""
from __future__ import annotations

FRENCH_FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Camille", "f"), ("Léa", "f"), ("Manon", "f"), ("Chloé", "f"), ("Inès", "f"), ("Juliette", "f"),
    ("Claire", "f"), ("Hélène", "f"), ("Sophie", "f"), ("Élise", "f"), ("Margaux", "f"), ("Anaïs", "f"),
    ("Mathilde", "f"), ("Pauline", "f"), ("Charlotte", "f"), ("Lucie", "f"), ("Agathe", "f"), ("Nathalie", "f"),
    ("Isabelle", "f"), ("Sandrine", "f"), ("Céline", "f"), ("Aurélie", "f"), ("Émilie", "f"), ("Valérie", "f"),
    ("Amandine", "f"), ("Solène", "f"), ("Maëlle", "f"), ("Nadia", "f"), ("Yasmine", "f"), ("Fanny", "f"),
    ("Thomas", "m"), ("Nicolas", "m"), ("Julien", "m"), ("Antoine", "m"), ("Maxime", "m"), ("Hugo", "m"),
    ("Louis", "m"), ("Arthur", "m"), ("Benoît", "m"), ("Étienne", "m"), ("Guillaume", "m"), ("Mathieu", "m"),
    ("Romain", "m"), ("Sébastien", "m"), ("Olivier", "m"), ("Pierre", "m"), ("Baptiste", "m"), ("Jérôme", "m"),
    ("Laurent", "m"), ("François", "m"), ("Damien", "m"), ("Cédric", "m"), ("Yann", "m"), ("Karim", "m"),
    ("Mehdi", "m"), ("Adrien", "m"), ("Florian", "m"), ("Raphaël", "m"), ("Gaël", "m"), ("Clément", "m"),
)

FRENCH_LAST_NAMES: tuple[str, ...] = (
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia",
    "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
    "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Chevalier", "Perrin", "Morel", "Gauthier",
    "Clément", "Robin", "Masson", "Sanchez", "Nicolas", "Henry", "Brun", "Marchand", "Barbier", "Arnaud",
    "Chabert", "Vial", "Rey", "Jacquet", "Peyrard", "Bouvier", "Chapuis", "Tissot", "Charvet", "Mounier",
    "Bouchet", "Berthet", "Collomb", "Reynaud", "Perret", "Favre", "Poncet", "Vidal", "Benali", "Nguyen",
)

QUEBEC_FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Geneviève", "f"), ("Marie-Ève", "f"), ("Catherine", "f"), ("Véronique", "f"), ("Annie", "f"),
    ("Isabelle", "f"), ("Mélanie", "f"), ("Julie", "f"), ("Josée", "f"), ("Karine", "f"), ("Émilie", "f"),
    ("Audrey", "f"), ("Marie-Claude", "f"), ("Stéphanie", "f"), ("Noémie", "f"), ("Rosalie", "f"),
    ("Maude", "f"), ("Laurence", "f"), ("Andréanne", "f"), ("Sarah", "f"), ("Jessica", "f"), ("Fatima", "f"),
    ("Mei", "f"), ("Chantal", "f"), ("Sylvie", "f"), ("Florence", "f"), ("Alexandra", "f"), ("Megan", "f"),
    ("Jean-François", "m"), ("Marc-André", "m"), ("Sébastien", "m"), ("Mathieu", "m"), ("Patrick", "m"),
    ("Alexandre", "m"), ("Simon", "m"), ("Philippe", "m"), ("Éric", "m"), ("Martin", "m"), ("Benoit", "m"),
    ("Jean-Philippe", "m"), ("Guillaume", "m"), ("Frédéric", "m"), ("Olivier", "m"), ("Félix", "m"),
    ("Samuel", "m"), ("Gabriel", "m"), ("Louis-Philippe", "m"), ("Vincent", "m"), ("Yannick", "m"),
    ("Daniel", "m"), ("David", "m"), ("Michael", "m"), ("Karim", "m"), ("Wei", "m"), ("Steve", "m"),
)

QUEBEC_LAST_NAMES: tuple[str, ...] = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
    "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
    "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martel", "Gosselin", "Lessard", "Mercier",
    "Lemieux", "Bédard", "Desjardins", "Champagne", "Charbonneau", "Vachon", "Turcotte", "Savard",
    "Bilodeau", "Rioux", "Drouin", "Fraser", "Murray", "Ross", "Campbell", "Nguyen", "Haddad", "Chen",
    "Joseph", "Pierre-Louis", "Harvey", "Grenier", "Sirois",
)
