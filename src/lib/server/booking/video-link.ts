/**
 * Video links when no video service is configured (VIDEO_BASE_URL unset): each video booking still
 * gets a unique link, under this path of the app itself, and the path says what it is. The page
 * there (routes/video) explains that the link is a placeholder instead of answering 404, and mails
 * and booking pages say so next to the link (issue 11).
 */
export const PLACEHOLDER_VIDEO_PATH = '/video/platzhalter';

export function isPlaceholderVideoUrl(url: string | null | undefined): boolean {
	return !!url && url.includes(`${PLACEHOLDER_VIDEO_PATH}/`);
}
