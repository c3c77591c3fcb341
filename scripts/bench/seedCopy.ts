// A copy of the seed letter (../shared/seed/), used by scripts/bench.ts only when ../shared/ is absent.
export const BUILTIN_SEED = "\n" +
  "\n" +
  "<b>Case Number:</b>\tCM14-0003333\t\t\n" +
  "<b>Date Assigned:</b>\t01/31/2014\t<b>Date of Injury:</b>\t10/22/2009\n" +
  "<b>Decision Date:</b>\t06/20/2014\t<b>UR Denial Date:</b>\t12/27/2013\n" +
  "<b>Priority:</b>\tStandard\t<b>Application Received:</b>\t01/09/2014\n" +
  "\n" +
  "### HOW THE IMR FINAL DETERMINATION WAS MADE\n" +
  "\n" +
  "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. The expert reviewer is Board Certified in Anesthesiology, and is licensed to practice in California. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.\n" +
  "\n" +
  "### CLINICAL CASE SUMMARY\n" +
  "\n" +
  "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:\n" +
  "\n" +
  "The patient is a 50 year old female who has submitted a claim for Spinal/Lumbar degenerative disc disease, low back pain, lumbar spondylosis, and lumbar facet syndrome associated with an industrial injury date of December 22, 2009. Medical records from 2013 to 2014 were reviewed showing that the patient has been complaining of neck pain, and lower back pain with radiation to bilateral buttocks graded 6/10. On physical examination, there was tenderness at the paracervical area and lumbar area. There was tight muscle band on both sides of the lumbar area. ROM was limited by pain. An MRI of the lumbar spine, dated November 2009, revealed multilevel degenerative disc disease with moderate bilateral neural foraminal narrowing mostly at L4-L5, and L5-S1 with broad based disc bulge and facet hypertrophy. Treatment to date has included weight loss, epidural injection, massage therapy and pain medications which include Ambien, Dilaudid, Lidoderm patch, Xanax, and Trazadone. A utilization review from December 27, 2013 gave partial certification of 4 massage therapy session instead of 12.\n" +
  "\n" +
  "### IMR ISSUES, DECISIONS AND RATIONALES\n" +
  "\n" +
  "The Final Determination was based on decisions for the disputed items/services set forth below:\n" +
  "\n" +
  "**MASSAGE THERAPY, SOFT TISSUE RELEASE TIMES 12 SESSIONS FOR THE LUMBAR AND NECK:** Upheld\n" +
  "\n" +
  "**Claims Administrator guideline:** The Claims Administrator did not cite any medical evidence for its decision.\n" +
  "\n" +
  "**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60.\n" +
  "\n" +
  "**Decision rationale:** The MTUS Chronic Pain Guidelines on massage therapy page 60 states that it is recommended as an adjunct to other recommended treatment (e.g. exercise) and is limited to 4-6 visits. In this case, the patient underwent massage therapy, and reported that it provided her with pain relief for several days. However, the total number of sessions completed is unknown due to a lack of documentation. It is important to determine the total visits attended in order not to exceed the recommended number of 4-6 visits. Moreover, the present request of 12 visits clearly exceeds the MTUS Chronic Pain Guidelines' recommendations. Therefore, the request is not medically necessary and appropriate.";
